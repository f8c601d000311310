package io.rectification.feedback.feedback;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes (查询码): 16 characters from a 32-letter alphabet without 0/O, 1/I (80 random
 * bits from SecureRandom), shown in groups of four: {@code 7KQM-2XHD-9WTB-R4NC}. Not a sequence,
 * so one code says nothing about another.
 */
public final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    /** A new code, stored without dashes. */
    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** How a person sees it: four groups of four. */
    public static String display(String stored) {
        return stored.substring(0, 4) + "-" + stored.substring(4, 8) + "-" + stored.substring(8, 12) + "-"
                + stored.substring(12);
    }

    /** What a person typed, as stored: dashes and spaces dropped, case ignored, null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
