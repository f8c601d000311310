package io.rectification.feedback.intake;

import io.rectification.platform.error.ErrorMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 and 503 as problem+json plus the Retry-After header the shared mapper has no slot for. */
public class RetryLaterMapper {

    @ServerExceptionMapper
    public Response retryLater(RetryLater e, UriInfo uri) {
        Response problem = ErrorMappers.answer(e.toErrorBody("/" + uri.getPath().replaceFirst("^/", "")));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds).build();
    }
}
