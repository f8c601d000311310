package io.rectification.feedback.staff;

import io.rectification.platform.problem.ProblemException;

/**
 * Who acts on a staff endpoint. Until JWT arrives this is the {@code X-Actor} header; this class
 * is the one place that changes when it does.
 */
public final class ActingStaff {

    public static final String HEADER = "X-Actor";

    private ActingStaff() {
    }

    public static String require(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest(HEADER, "the acting staff member is required (header " + HEADER + ")");
        }
        String actor = header.strip();
        if (actor.length() > 100 || actor.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(HEADER, "must be at most 100 characters, without control characters");
        }
        return actor;
    }
}
