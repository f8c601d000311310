package io.rectification.reporting.readmodel;

import io.rectification.platform.rest.EntityTags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a task's read model, tagged {@code "7-3"} (its source version and number of reports), is
 * still what a client's If-None-Match names. Its own tag, as for any conditional read; or a bare
 * source version, tasks-service's ETag {@code "7"}: the client has seen the task at version 7, and
 * every state of the read model up to that version is nothing new to it. A system that wrote to
 * tasks-service holds that ETag, not this service's; before, it matched no tag here, so a read
 * waiting for the write was answered at once with the state before it (integrity review L3).
 */
final class TaskTags {

    private static final Pattern SOURCE_VERSION = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,17})\"");

    private TaskTags() {
    }

    static boolean stillNamed(String ifNoneMatch, String current) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (EntityTags.matches(ifNoneMatch, current)) {
            return true;
        }
        long version = Long.parseLong(current.substring(0, current.indexOf('-')));
        for (String candidate : ifNoneMatch.split(",")) {
            Matcher seen = SOURCE_VERSION.matcher(candidate.strip());
            if (seen.matches() && version <= Long.parseLong(seen.group(1))) {
                return true;
            }
        }
        return false;
    }
}
