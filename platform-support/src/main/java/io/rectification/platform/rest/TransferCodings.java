package io.rectification.platform.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Refuses a request whose {@code Transfer-Encoding} is anything but {@code chunked}, before its body
 * is read. Vert.x decodes chunked and ignores any other coding, so {@code Transfer-Encoding:
 * xchunked} with a {@code Content-Length} was read by the length, while a proxy in front that honours
 * the header reads it another way: the two disagree on where the request ends (request smuggling).
 * RFC 9112 §6.3: with a transfer coding whose last is not chunked the length cannot be known, 400 and
 * close; a coding this server does not implement before chunked (gzip, chunked), 501.
 */
@ApplicationScoped
public class TransferCodings {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(TransferCodings::refuseUnknown);
    }

    static void refuseUnknown(RoutingContext context) {
        String codings = String.join(",", context.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING));
        int status = statusFor(codings);
        if (status == 0) {
            context.next();
            return;
        }
        boolean english = RouterProblems.prefersEnglish(context);
        String message = status == 400
                ? (english ? "the last transfer coding must be chunked" : "最后一项传输编码必须是 chunked")
                : (english ? "only the chunked transfer coding is implemented" : "仅支持 chunked 传输编码");
        String title = status == 400 ? (english ? "Invalid request" : "请求无效") : (english ? "Not implemented" : "不支持");
        RouterProblems.refuse(context, RouterProblems.problem(status, title, (english ? "Transfer-Encoding: " : "Transfer-Encoding：") + message)
                .put("errors", new JsonArray().add(new JsonObject().put("field", "Transfer-Encoding").put("message", message))));
    }

    /** 0 when the request's codings (the header's values joined) may be read; else the status that refuses them. */
    static int statusFor(String codings) {
        if (codings.isBlank()) {
            return 0;
        }
        String[] each = codings.toLowerCase(Locale.ROOT).split(",", -1);
        if (!each[each.length - 1].strip().equals("chunked")) {
            return 400;
        }
        for (int i = 0; i < each.length - 1; i++) {
            if (!each[i].isBlank()) {
                return 501;
            }
        }
        return 0;
    }
}
