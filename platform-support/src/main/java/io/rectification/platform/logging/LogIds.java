package io.rectification.platform.logging;

import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * The rule for an id that goes into a log line from outside (a request's {@code X-Request-Id}, a
 * record's {@code ce_id}): short, and only letters, digits, '.', '_' and '-'. Anything else could
 * forge log lines (a newline), break the JSON log's consumers or carry what someone typed, so it
 * is not logged at all.
 */
final class LogIds {

    /** nginx's {@code $request_id} is 32 hex digits, a UUID 36 characters; room for both and a prefix. */
    static final int MAX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private LogIds() {
    }

    static boolean safe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /**
     * Puts {@code value} under {@code key} (null removes it) and answers what was there, for
     * {@link #restore}: a nested use (a handler that logs within a request) leaves the outer
     * value as it found it.
     */
    static Object put(String key, String value) {
        Object previous = MDC.get(key);
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return previous;
    }

    static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
