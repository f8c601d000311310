package io.rectification.reporting.support;

import io.rectification.platform.problem.ProblemException;

/**
 * The person acting, from the {@code X-Actor} header until authentication arrives (a later issue
 * replaces this one class with the JWT subject).
 */
public final class Actor {

    public static final String HEADER = "X-Actor";

    private Actor() {
    }

    public static String required(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest(HEADER, "is required: the staff member acting");
        }
        if (header.length() > 200) {
            throw ProblemException.badRequest(HEADER, "must be at most 200 characters");
        }
        return header.strip();
    }
}
