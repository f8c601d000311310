package io.rectification.platform.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose request line (method, path with query, version) is longer than
 * {@code platform.http.max-request-line-length} with a problem+json 414 that names the longest
 * query parameter (or the path) and the limit. Vert.x refuses a line over
 * {@code quarkus.http.limits.max-initial-line-length} before any route sees it, with a 414 without
 * a body that no handler can change; so that limit is set well above this one
 * (microprofile-config.properties), and a client meets this one.
 */
@ApplicationScoped
public class RequestLineLimit {

    /** How much of a parameter's name the answer repeats: the name is the client's input. */
    private static final int NAME_SHOWN = 64;

    private final int max;

    RequestLineLimit(@ConfigProperty(name = "platform.http.max-request-line-length") int max) {
        this.max = max;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> refuseWhenOver(context, max));
    }

    static void refuseWhenOver(RoutingContext context, int max) {
        var request = context.request();
        // As Vert.x counts it: "GET /path?query HTTP/1.1".
        int length = request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
        if (length <= max) {
            context.next();
            return;
        }
        boolean english = RouterProblems.prefersEnglish(context);
        String field = longestPart(request.uri());
        String detail = english
                ? "the request line (method, path and query) has " + length + " characters; at most " + max
                + " are accepted: send fewer criteria at a time"
                : "请求行（方法、路径和查询参数）共 " + length + " 个字符，超过上限 " + max + " 个字符，请减少查询条件。";
        RouterProblems.refuse(context, RouterProblems.problem(414, english ? "Request line too long" : "请求行过长", detail)
                .put("maxLength", max)
                .put("errors", new JsonArray().add(new JsonObject().put("field", field)
                        .put("message", english ? "too long for the request line" : "过长，请求行超过上限"))));
    }

    /** The name of the longest query parameter (name and value), or "path" where the path is longer than any. */
    static String longestPart(String uri) {
        int query = uri.indexOf('?');
        String field = "path";
        int longest = query < 0 ? uri.length() : query;
        if (query >= 0) {
            for (String parameter : uri.substring(query + 1).split("&")) {
                if (parameter.length() > longest) {
                    longest = parameter.length();
                    int equals = parameter.indexOf('=');
                    field = equals < 0 ? parameter : parameter.substring(0, equals);
                }
            }
        }
        return field.length() > NAME_SHOWN ? field.substring(0, NAME_SHOWN) : field;
    }
}
