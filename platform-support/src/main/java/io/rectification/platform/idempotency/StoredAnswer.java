package io.rectification.platform.idempotency;

/**
 * The answer to the first request with a key, as it was sent: its status, the headers a client acts
 * on (where the record is, its version, the body's type) and its body (null: none).
 */
public record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {
}
