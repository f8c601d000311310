package io.rectification.platform.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds every service puts on input, said once: text without control characters (tab, line
 * feed and carriage return are allowed in any text field, as multi-line texts need them and they
 * harm nothing elsewhere) and without lone surrogates; numbers that fit the widest numeric column
 * (numeric(20, 4)); dates of this and the coming centuries. {@link JsonInputRules} applies them to
 * every JSON body, {@link NumberParameters} to numeric query parameters, {@link QueryParameters#date} to date ones.
 */
public final class InputLimits {

    /** Exclusive bound of a number's absolute value: numeric(20, 4) holds 16 digits before the point. */
    public static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    private InputLimits() {
    }

    /** Why the text is refused, or null when it is acceptable. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains a lone surrogate (U+%04X) at position %d", (int) c, i);
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return String.format("contains a control character (U+%04X) at position %d", (int) c, i);
            }
        }
        return null;
    }

    public static String numberProblem(BigDecimal number) {
        return number.abs().compareTo(MAX_NUMBER) >= 0
                ? "must be below 10^15 in absolute value" : null;
    }

    public static String dateProblem(LocalDate date) {
        return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)
                ? "must be between " + EARLIEST_DATE + " and " + LATEST_DATE : null;
    }
}
