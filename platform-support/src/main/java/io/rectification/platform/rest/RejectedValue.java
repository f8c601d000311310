package io.rectification.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that {@link InputLimits} refuses; the problem answer names its field. */
public class RejectedValue extends MismatchedInputException {

    private final String reason;

    public RejectedValue(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
