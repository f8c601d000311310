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

    /**
     * HTTP header values are ASCII: a staff name in Chinese is sent percent-encoded UTF-8
     * ({@code %E7%8E%8B...}) and decoded here. A '?' in the raw value means a client sent non-ASCII.
     */
    public static String require(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest(HEADER, "the acting staff member is required (header " + HEADER + ")");
        }
        String actor = decode(header.strip());
        if (actor.length() > 100 || actor.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(HEADER, "must be at most 100 characters, without control characters");
        }
        return actor;
    }

    private static String decode(String value) {
        if (!value.contains("%")) {
            return value;
        }
        try {
            return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(HEADER, "is not valid percent-encoded UTF-8");
        }
    }
}
