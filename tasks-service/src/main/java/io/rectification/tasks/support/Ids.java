package io.rectification.tasks.support;

import io.rectification.platform.problem.ProblemException;

import java.util.UUID;

/** Id-valued query parameters: a malformed one is a 400 naming the parameter. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(parameter, "'" + value + "' is not an id (UUID)");
        }
    }
}
