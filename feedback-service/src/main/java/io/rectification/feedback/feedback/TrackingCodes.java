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

    /** A new code, stored without dashes: 80 random bits, five to a letter (the alphabet has 32). */
    public static String next() {
        byte[] bits = new byte[LENGTH * 5 / 8];
        RANDOM.nextBytes(bits);
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int bit = i * 5;
            int twoBytes = (bits[bit / 8] & 0xff) << 8 | (bit / 8 + 1 < bits.length ? bits[bit / 8 + 1] & 0xff : 0);
            code[i] = ALPHABET.charAt(twoBytes >>> (11 - bit % 8) & 0x1f);
        }
        return new String(code);
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
