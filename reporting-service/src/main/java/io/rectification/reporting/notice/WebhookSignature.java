package io.rectification.reporting.notice;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature a receiver checks: {@code X-Rectification-Signature: sha256=<hex>}, the HMAC-SHA256
 * with the shared secret of {@code <X-Rectification-Timestamp>.<body>} (the timestamp in epoch
 * seconds, so a replayed old call can be refused by its age).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Rectification-Signature";
    public static final String TIMESTAMP_HEADER = "X-Rectification-Timestamp";
    public static final String DELIVERY_HEADER = "X-Rectification-Delivery";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
