package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Path and query parameters follow the rule JSON text follows ({@link InputLimits#textProblem}):
 * no control characters, no lone surrogates. A NUL in an id or a filter reached PostgreSQL, which
 * cannot hold or even compare text with one, and the request failed with a 500; it is a 400 naming
 * the parameter now, before any resource runs.
 */
@Provider
public class ParameterText implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        refuseBadText(request.getUriInfo().getPathParameters());
        refuseBadText(request.getUriInfo().getQueryParameters());
    }

    static void refuseBadText(MultivaluedMap<String, String> parameters) {
        parameters.forEach((name, values) -> values.forEach(value -> {
            String problem = InputLimits.textProblem(value);
            if (problem != null) {
                throw ApiException.badRequest(name, problem);
            }
        }));
    }
}
