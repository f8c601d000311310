package io.rectification.platform.rest;

import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ErrorTypes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** The 400 problem a parameter converter throws for a query parameter it cannot read, naming it. */
final class InvalidParameter {

    private InvalidParameter() {
    }

    static WebApplicationException named(String parameter, String message) {
        return new WebApplicationException(Response.status(400).type(ErrorBody.MEDIA_TYPE)
                .entity(new ErrorBody(ErrorTypes.forStatus(400), "Invalid request", 400, parameter + ": " + message,
                        null, List.of(new ErrorBody.FieldError(parameter, message)), Map.of()))
                .build());
    }
}
