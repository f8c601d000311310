package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Query parameters a resource takes as text and reads here, the one way in every service: empty is
 * absent (null), a malformed value is a 400 problem naming the parameter (JAX-RS's own conversion
 * would answer 404, as if the resource did not exist). {@link UuidParameters} reads typed
 * {@code @QueryParam UUID} parameters with the same words.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, notAUuid(value));
        }
    }

    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw ApiException.badRequest(name, "is required");
        }
        return id;
    }

    /**
     * A date within {@link InputLimits}' range, as in a JSON body: LocalDate reads years up to
     * ±999,999,999, and such a day made a day's arithmetic overflow or PostgreSQL refuse it (500).
     */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            throw ApiException.badRequest(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
        String problem = InputLimits.dateProblem(date);
        if (problem != null) {
            throw ApiException.badRequest(name, problem);
        }
        return date;
    }

    /** The days {@code from}–{@code to}, each end optional (null), from the query parameters of those names. */
    public record Days(LocalDate from, LocalDate to) {
    }

    /** {@code from} and {@code to} as dates, a bad one or a reversed range a 400 naming the parameter. */
    public static Days days(String from, String to) {
        LocalDate fromDay = date("from", from);
        LocalDate toDay = date("to", to);
        range(fromDay, toDay);
        return new Days(fromDay, toDay);
    }

    /** Refuses a range {@code from}–{@code to} whose end is before its start, naming {@code to}. */
    private static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to", "must not be before from (" + from + ")");
        }
    }

    static String notAUuid(String value) {
        return "'" + value + "' is not an id (a UUID)";
    }

    /** One of an enum's constants, by name (a status filter); empty is absent, any other value a 400 naming the values. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Enum<?> constant = constantOf(type, value);
        if (constant == null) {
            throw ApiException.badRequest(name, notOneOf(type, value));
        }
        return type.cast(constant);
    }

    /** The constant of enum {@code type} that {@code value} names, or null when it names none. */
    static Enum<?> constantOf(Class<?> type, String value) {
        String name = value.strip();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return (Enum<?>) constant;
            }
        }
        return null;
    }

    static String notOneOf(Class<?> type, String value) {
        return "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "));
    }

    /** The name of the query parameter these annotations (a converter's) declare; null when they declare none. */
    static String queryParamName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }
}
