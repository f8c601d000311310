package io.rectification.reporting.support;

import io.rectification.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Query parameters parsed here rather than by JAX-RS, whose conversion failures answer 404: a
 * malformed parameter is a 400 problem naming it.
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }

    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw ProblemException.badRequest(name, "is required");
        }
        return id;
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(name, "must be a date (YYYY-MM-DD)");
        }
    }

    /** Refuses a range whose end is before its start. */
    public static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from (" + from + ")");
        }
    }
}
