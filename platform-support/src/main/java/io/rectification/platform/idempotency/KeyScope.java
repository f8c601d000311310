package io.rectification.platform.idempotency;

/**
 * Where a key holds: one caller's key for one method and path. Another caller's same key, or the
 * same key sent to another operation, is another key (the draft's composite lookup key).
 */
public record KeyScope(String principal, String method, String path, String key) {
}
