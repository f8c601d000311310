package io.rectification.tasks.support;

import io.rectification.platform.error.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters naming an enum constant: an unknown one is a 400 naming the parameter and the allowed values. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(parameter, "'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
