package io.rectification.platform.idempotency;

import io.rectification.platform.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header Field"):
 * its syntax and the fingerprint of the request it is sent with. The draft writes the key as a
 * Structured Fields string ({@code "8e03978e-…"}); most clients send it bare, as Stripe's API takes it.
 * Both are read, and name the same key. A key is a lookup value in a table and is echoed in no
 * answer, so it is held to a fixed, short syntax (the draft's security considerations).
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /**
     * On an answer repeated for a retry: the draft names no header for it; this is the one Stripe
     * sends, which clients of such APIs already know.
     */
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 255;
    /** The syntax in the OpenAPI documents' words: what {@link #read} accepts. */
    public static final String PATTERN = "^(?:[!#-\\[\\]-~]{1,255}|\"[!#-\\[\\]-~]{1,255}\")$";
    static final String SYNTAX = "must be 1 to 255 visible ASCII characters other than \" and \\, optionally in double quotes";

    private IdempotencyKey() {
    }

    /** The key the header's values name; 400 naming the header when it is malformed or sent twice. */
    public static String read(List<String> values) {
        if (values.size() != 1) {
            throw ApiException.badRequest(HEADER, "send it once, not " + values.size() + " times");
        }
        String value = values.get(0).strip();
        String key = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(IdempotencyKey::allowed)) {
            throw ApiException.badRequest(HEADER, SYNTAX);
        }
        return key;
    }

    private static boolean allowed(int c) {
        return c > ' ' && c < 0x7f && c != '"' && c != '\\';
    }

    /**
     * SHA-256 (hex) of what the request asks: its query (a dry run is not the import) and its body.
     * A retry sends both again as they were; anything else under the same key is another request.
     */
    public static String fingerprint(String rawQuery, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((rawQuery == null ? "" : rawQuery).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n'); // a raw query holds no line break: the two parts cannot run into each other
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
