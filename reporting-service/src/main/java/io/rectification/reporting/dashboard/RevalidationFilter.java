package io.rectification.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.rest.EntityTags;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;


/**
 * Strong ETags for {@link Revalidated} answers, from a digest of the JSON they send: the answer is
 * written once, digested, and those bytes are sent (not written a second time); an answer already
 * written ({@link TaggedJson}, kept by {@link FigureCache}) is sent as it is. What a poll saves is the
 * body and the page's redraw.
 * {@code Cache-Control: no-cache} makes a browser's cache ask again each time, never serve stale
 * figures.
 */
@Provider
@Revalidated
public class RevalidationFilter implements ContainerResponseFilter {

    private final ObjectMapper objectMapper;

    public RevalidationFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        TaggedJson answer = response.getEntity() instanceof TaggedJson written ? written
                : TaggedJson.of(objectMapper, response.getEntity());
        String value = answer.tag();
        String tag = '"' + value + '"';
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (EntityTags.matches(ifNoneMatch, value)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            response.setEntity(answer.json(), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
