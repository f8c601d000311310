package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.contract.EventContract;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * How a notice is put to the webhook's endpoint (notices.webhook.format, docs/notices.md): this
 * system's own signed JSON for a receiver of the organisation's, or a message a group robot of
 * WeCom (企业微信) or DingTalk (钉钉) posts to its group as it is, so that no adapter has to sit in
 * between. The robots answer 200 even when they refuse (a rate limit, a bad key, a wrong
 * signature) and say so in {@code errcode}: a call is taken only when that is 0, otherwise it is
 * tried again as any failed call is.
 */
enum WebhookFormat {

    /** {@link WebhookCalls.Body} as JSON, signed ({@link WebhookSignature}); taken on any 2xx. */
    JSON,
    /** A WeCom group robot (the endpoint is its webhook address with its key): a text message. */
    WECOM,
    /**
     * A DingTalk custom robot (the endpoint is its webhook address with its access_token): a text
     * message, and with a secret set (the robot's 加签 security setting) the address signed with it.
     */
    DINGTALK;

    /** The most a robot's text message takes (WeCom: 2048 bytes of UTF-8); a longer text is cut with "…". */
    static final int ROBOT_TEXT_BYTES = 2048;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record RobotMessage(String msgtype, Text text) {
    }

    record Text(String content) {
    }

    /** What is queued for a notice: the body this format sends. */
    String payload(WebhookCalls.Body body) {
        if (this == JSON) {
            return EventContract.toJson(body);
        }
        return EventContract.toJson(new RobotMessage("text", new Text(cut(body.title() + "\n" + body.text(), ROBOT_TEXT_BYTES))));
    }

    /** The request for one try at {@code epochMillis}; {@code delivery} the call's id, the same on every try. */
    HttpRequest.Builder request(String endpoint, String payload, String secret, long epochMillis, long delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint, secret, epochMillis))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (this == JSON) {
            long seconds = epochMillis / 1000;
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(seconds))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, seconds, payload))
                    .header(WebhookSignature.DELIVERY_HEADER, Long.toString(delivery));
        }
        return request;
    }

    /** Why the endpoint's answer is not a taking of the call, or null when it is. */
    String refusal(int status, String answer) {
        if (status / 100 != 2) {
            return "answered " + status;
        }
        if (this == JSON) {
            return null;
        }
        try {
            JsonNode robot = MAPPER.readTree(answer == null ? "" : answer);
            if (robot == null || !robot.path("errcode").isInt()) {
                return "answered " + status + " without an errcode: " + cut(String.valueOf(answer), 200);
            }
            return robot.get("errcode").asInt() == 0 ? null
                    : "errcode " + robot.get("errcode").asInt() + ": " + cut(robot.path("errmsg").asText(""), 200);
        } catch (IOException e) {
            return "answered " + status + " with no JSON: " + cut(String.valueOf(answer), 200);
        }
    }

    private URI uri(String endpoint, String secret, long epochMillis) {
        if (this != DINGTALK || secret.isEmpty()) {
            return URI.create(endpoint);
        }
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "timestamp=" + epochMillis
                + "&sign=" + URLEncoder.encode(dingTalkSign(secret, epochMillis), StandardCharsets.UTF_8));
    }

    /** DingTalk's 加签: Base64 of the HMAC-SHA256, keyed by the secret, of "<timestamp in ms>\n<secret>". */
    static String dingTalkSign(String secret, long epochMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((epochMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most {@code maxBytes} of UTF-8, cut between characters, with "…" where it was cut. */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - "…".getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4; // its UTF-8 length
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept.append('…').toString();
    }
}
