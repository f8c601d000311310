package io.rectification.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that {@link InputLimits} refuses; the problem answer names its field. */
public class RejectedValue extends MismatchedInputException {

    /** Which limit refused it: a caller answering in its own words (feedback's public form) picks by it. */
    public enum Limit { TEXT, NUMBER, DATE }

    private final Limit limit;
    private final String reason;

    public RejectedValue(JsonParser parser, Limit limit, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.limit = limit;
        this.reason = reason;
    }

    public Limit limit() {
        return limit;
    }

    public String reason() {
        return reason;
    }
}
