package io.rectification.platform.rest;

import io.rectification.platform.problem.Problem;
import io.rectification.platform.problem.ProblemTypes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** The 400 problem a parameter converter throws for a query parameter it cannot read, naming it. */
final class InvalidParameter {

    private InvalidParameter() {
    }

    static WebApplicationException named(String parameter, String message) {
        return new WebApplicationException(Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemTypes.forStatus(400), "Invalid request", 400, parameter + ": " + message,
                        null, List.of(new Problem.FieldError(parameter, message)), Map.of()))
                .build());
    }
}
