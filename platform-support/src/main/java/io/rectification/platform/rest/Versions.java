package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: the ETag is the aggregate's {@code @Version}; an update names
 * the version it was based on in {@code If-Match}. A weak tag ({@code W/"3"}) names the same version:
 * the tag is the version, not a digest of bytes, and a compressing proxy (the gateway's gzip) weakens
 * the ETags it passes on, so a client echoing what it was given must still match. RFC 9110's strong
 * comparison guards byte ranges and caches of representations; a version check needs the version.
 * <p>
 * Only a tag this service could have issued is read: {@code "3"} or {@code W/"3"}, as the ETag header
 * gave it. An unquoted {@code 3}, {@code "03"}, a version the resource never had, {@code *} and a list
 * are 400 naming If-Match: each is a client's mistake that a guess (3? any? which of two?) would turn
 * into a write based on a version nobody read.
 */
public final class Versions {

    /** As the service writes it: no sign, no leading zero, at most 19 digits (a long). */
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,18})\"");

    /** How the OpenAPI documents describe an If-Match header that {@link #required} reads. */
    public static final String IF_MATCH_REQUIRED = "the ETag read (428 without it, 412 when the resource has changed since)";
    /** The same for a PUT whose first call creates the resource: If-Match is required only once it exists. */
    public static final String IF_MATCH_ONCE_IT_EXISTS = "the ETag read: not sent by the first PUT, which creates the"
            + " resource; required once it exists (428 without it, 412 when the resource has changed since)";
    /** How the OpenAPI documents describe the 428 of such a PUT. */
    public static final String PRECONDITION_ONCE_IT_EXISTS = "The resource exists and If-Match was not sent: send the ETag read";
    /** How the OpenAPI documents describe the 304 of a read answered by {@link #current}. */
    public static final String NOT_MODIFIED = "If-None-Match names the current version (\"3\" or W/\"3\", one of a"
            + " list, or *): no body, the same ETag";

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
     * holding one of them loses nothing by writing: its version is as good as the current one. A
     * version after the current one was never issued: 400, not a 412 saying it "changed since".
     */
    public static void checkSinceEdit(Long expected, long lastEdit, long current, String what) {
        if (expected == null) {
            return;
        }
        if (expected > current) {
            throw ApiException.badRequest("If-Match", "\"" + expected + "\" was never an ETag of " + what
                    + " (its version is " + current + "); send the ETag read");
        }
        if (expected < lastEdit) {
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
        // RFC 9110 allows a list (any may match); a change is based on one version read, so a list is
        // a client mixing up two reads, and which one it meant is not guessed.
        if (tag.contains(",")) {
            throw ApiException.badRequest("If-Match", "'" + ifMatch + "' names several ETags; send the one ETag"
                    + " of the version this change is based on");
        }
        Matcher matcher = TAG.matcher(tag);
        if (matcher.matches()) {
            try {
                return Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                // 19 digits past Long.MAX_VALUE: no version, refused below
            }
        }
        if (tag.matches("[0-9]+")) {
            throw ApiException.badRequest("If-Match", "'" + ifMatch + "' is not an ETag: send it quoted, as the"
                    + " ETag header gave it (\"" + tag + "\")");
        }
        throw ApiException.badRequest("If-Match", "'" + ifMatch + "' is not an ETag of this resource");
    }

    public static String etag(long version) {
        return String.valueOf(version);
    }

    /**
     * A read of one versioned resource: 304 without a body when {@code ifNoneMatch} names its current
     * version (its weak form too, as the gateway's gzip passes it on; one tag of a list; {@code *}),
     * else 200 with it; its version as the ETag either way. Called after the read's own checks (404,
     * scope), so a 304 tells no more than the 200 would. Unlike If-Match, an If-None-Match this service
     * could not have issued ({@code 3} unquoted, {@code "03"}, garbage) is no 400: it matches nothing,
     * and the read is answered whole (RFC 9110 13.1.2), since a read based on no version loses nothing.
     * A read whose answer holds what moves without the version (a roll-up of other records' progress,
     * a flag computed from the clock) passes a null {@code ifNoneMatch}: the version is no validator of
     * it, and it is always answered whole.
     */
    public static Response current(Object entity, long version, String ifNoneMatch) {
        String tag = etag(version);
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return Response.notModified(new EntityTag(tag)).build();
        }
        return Response.ok(entity).tag(tag).build();
    }
}
