package io.rectification.feedback.common;

import io.rectification.platform.problem.ProblemException;

/** Optimistic concurrency on staff updates: the client sends back the ETag (the version) it read. */
public final class IfMatch {

    private IfMatch() {
    }

    /** Throws 428 when the header is missing, 412 when it names another version than {@code current}. */
    public static void require(String header, long current) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "Precondition required",
                    "send If-Match with the ETag of the version you read (current: \"" + current + "\")")
                    .with("currentVersion", current);
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals(String.valueOf(current))) {
            throw new ProblemException(412, "Precondition failed",
                    "the resource changed since you read it (If-Match " + header.strip() + ", current \"" + current
                            + "\"); read it again")
                    .with("currentVersion", current);
        }
    }
}
