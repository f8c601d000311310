package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;

/**
 * Optimistic concurrency over HTTP: the ETag is the aggregate's {@code @Version}; an update names
 * the version it was based on in {@code If-Match}. A weak tag ({@code W/"3"}) names the same version:
 * the tag is the version, not a digest of bytes, and a compressing proxy (the gateway's gzip) weakens
 * the ETags it passes on, so a client echoing what it was given must still match. RFC 9110's strong
 * comparison guards byte ranges and caches of representations; a version check needs the version.
 */
public final class Versions {

    /** How the OpenAPI documents describe an If-Match header that {@link #required} reads. */
    public static final String IF_MATCH_REQUIRED = "the ETag read (428 without it, 412 when the resource has changed since)";
    /** The same for a PUT whose first call creates the resource: If-Match is required only once it exists. */
    public static final String IF_MATCH_ONCE_IT_EXISTS = "the ETag read: not sent by the first PUT, which creates the"
            + " resource; required once it exists (428 without it, 412 when the resource has changed since)";
    /** How the OpenAPI documents describe the 428 of such a PUT. */
    public static final String PRECONDITION_ONCE_IT_EXISTS = "The resource exists and If-Match was not sent: send the ETag read";

    private Versions() {
    }

    /** The version an {@code If-Match} header names; missing is 428, unreadable is 400. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "Precondition required",
                    "send If-Match with the ETag of the version this change is based on");
        }
        return parse(ifMatch);
    }

    /** For actions where If-Match is optional: null when absent. */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    /** A change that must name the current version: 428 without If-Match, 412 when it names another. */
    public static void require(String ifMatch, long current, String what) {
        check(required(ifMatch), current, what);
    }

    /** Refuses a change based on another version than the current one. */
    public static void check(Long expected, long current, String what) {
        checkSinceEdit(expected, current, current, what);
    }

    /**
     * Refuses a change based on a version before the aggregate's last edit. Versions after the edit
     * were moved by notices that change nothing a client edits (a task's follow-ups), so a client
     * holding one of them loses nothing by writing: its version is as good as the current one.
     */
    public static void checkSinceEdit(Long expected, long lastEdit, long current, String what) {
        if (expected != null && (expected < lastEdit || expected > current)) {
            throw new ApiException(412, "Precondition failed",
                    what + " has changed since version " + expected + " (now " + current + "); reload and retry")
                    .with("currentVersion", current);
        }
    }

    private static long parse(String ifMatch) {
        String tag = ifMatch.strip();
        // "*" would let a change overwrite whatever version is current: exactly the lost update
        // that naming the version prevents, so it is refused with that said.
        if (tag.equals("*")) {
            throw ApiException.badRequest("If-Match", "'*' matches any version; send the ETag of the version"
                    + " this change is based on");
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        long version;
        try {
            version = Long.parseLong(tag);
        } catch (NumberFormatException e) {
            version = -1;
        }
        // A version is never negative (a new aggregate's is 0): "-1" was never an ETag of this service.
        if (version < 0) {
            throw ApiException.badRequest("If-Match", "'" + ifMatch + "' is not an ETag of this resource");
        }
        return version;
    }

    public static String etag(long version) {
        return String.valueOf(version);
    }
}
