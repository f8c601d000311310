package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;

/**
 * Optimistic concurrency over HTTP: the ETag is the aggregate's {@code @Version}; an update names
 * the version it was based on in {@code If-Match}. If-Match compares strongly (RFC 9110, 13.1.1): a
 * weak tag ({@code W/"3"}) never matches, so a change naming one is refused as a stale one is, 412.
 */
public final class Versions {

    /** How the OpenAPI documents describe an If-Match header that {@link #required} reads. */
    public static final String IF_MATCH_REQUIRED = "the ETag read (428 without it, 412 when the resource has changed since)";

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

    /**
     * What {@link #required} and {@link #optional} make of a weak tag: no version ({@link #parse}
     * refuses a negative one), so that {@link #check} refuses it where it refuses a stale version,
     * after the 404 and 403 of the resource it names.
     */
    static final long WEAK = Long.MIN_VALUE;

    /** Refuses a change based on another version than the current one. */
    public static void check(Long expected, long current, String what) {
        if (expected != null && expected == WEAK) {
            throw new ApiException(412, "Precondition failed", "If-Match compares ETags strongly and a weak one (W/\"…\")"
                    + " never matches; send the ETag without W/, \"" + current + "\" for " + what + " as it is now")
                    .with("currentVersion", current);
        }
        if (expected != null && expected != current) {
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
        boolean weak = tag.startsWith("W/");
        if (weak) {
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
        return weak ? WEAK : version;
    }

    public static String etag(long version) {
        return String.valueOf(version);
    }
}
