package io.rectification.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Refuses a request whose announced body is over {@code quarkus.http.limits.max-body-size} with a
 * problem+json 413 before any of it is read. Quarkus enforces the same limit itself, but answers
 * with an empty body; this answers first, in the format every other refusal uses, in Chinese
 * unless the client prefers English. (A chunked
 * body without Content-Length still meets Quarkus's own limit while it is being read.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final Optional<MemorySize> limit;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(Integer.MIN_VALUE)
                .handler(context -> refuseWhenOver(context, max.asLongValue())));
    }

    static void refuseWhenOver(RoutingContext context, long max) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced == null || !isOver(announced, max)) {
            context.next();
            return;
        }
        boolean english = RouterProblems.prefersEnglish(context);
        String detail = english
                ? "the request body has " + announced.trim() + " bytes; at most " + max + " are accepted"
                : "请求内容共 " + announced.trim() + " 字节，超过上限 " + max + " 字节。";
        RouterProblems.refuse(context, RouterProblems.problem(413, english ? "Request body too large" : "请求内容过大", detail)
                .put("maxBytes", max));
    }

    private static boolean isOver(String announced, long max) {
        try {
            return Long.parseLong(announced.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
