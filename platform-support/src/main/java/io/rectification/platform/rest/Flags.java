package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;

/** A query parameter that is a switch: absent or false, or true; anything else is a 400 naming it. */
public final class Flags {

    private Flags() {
    }

    public static boolean parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(parameter, "'" + value + "' is not true or false");
        };
    }
}
