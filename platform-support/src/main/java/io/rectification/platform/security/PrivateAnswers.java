package io.rectification.platform.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * An answer to a caller who signed in is for that caller only: without a word on caching, a browser
 * or a proxy in between may keep it (a submitter's contact data, a unit's evidence list) where the
 * next user of the machine, or of the proxy, finds it. So it says {@code no-store}, unless the
 * resource chose its own (the dashboard's {@code private, no-cache} for revalidation, a published
 * report's {@code public}). The clients that revalidate (the console's read-model waits) send
 * If-None-Match themselves and do not need the browser's cache.
 */
@Provider
public class PrivateAnswers implements ContainerResponseFilter {

    static final String NO_STORE = "no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
