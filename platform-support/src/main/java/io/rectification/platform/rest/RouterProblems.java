package io.rectification.platform.rest;

import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ErrorTypes;
import io.rectification.platform.logging.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * A problem+json refusal answered on the Vert.x router, before RESTEasy and its filters (so before
 * {@link RequestIds} and the exception mappers): in the language the client prefers, with the
 * request's id like every other answer, and closing the connection: a refused request's body is left unread.
 */
final class RouterProblems {

    private RouterProblems() {
    }

    /** The first of zh / en in the client's Accept-Language order; Chinese, the product's language, otherwise. */
    static boolean prefersEnglish(RoutingContext context) {
        for (var language : context.acceptableLanguages()) {
            String tag = language.tag().toLowerCase(Locale.ROOT);
            if (tag.equals("zh") || tag.equals("en")) {
                return tag.equals("en");
            }
        }
        return false;
    }

    /** A problem body, its type following from the status as every other answer's does ({@link ErrorTypes}). */
    static JsonObject problem(int status, String title, String detail) {
        return new JsonObject().put("type", ErrorTypes.forStatus(status)).put("title", title).put("status", status)
                .put("detail", detail);
    }

    /** Answers {@code problem} with its own status. */
    static void refuse(RoutingContext context, JsonObject problem) {
        context.response().setStatusCode(problem.getInteger("status"))
                .putHeader(HttpHeaders.CONTENT_TYPE, ErrorBody.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, RequestIds.accept(context.request().getHeader(RequestIds.HEADER)))
                // An unread body would otherwise be taken as the next request.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
