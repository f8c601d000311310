package io.rectification.feedback.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import static java.lang.Character.*;

/**
 * What makes two texts "the same" for duplicate detection: full-width and half-width forms
 * folded (NFKC), case ignored, whitespace, punctuation and symbols dropped. Only the hash is kept.
 */
final class TextFingerprint {

    /**
     * The general categories dropped: separators (Z), punctuation (P), symbols (S) and "other" (C:
     * controls, which hold the ASCII whitespace, format characters, private use, surrogates,
     * unassigned), the regular expression {@code [\p{Z}\s\p{P}\p{S}\p{C}]} as a mask of types. A
     * loop over the code points with it, where the expression's matcher took about half of the
     * fingerprint's time in the intake's profile; TextFingerprintTest holds the two equal for
     * every code point.
     */
    private static final int IGNORED_TYPES = types(SPACE_SEPARATOR, LINE_SEPARATOR, PARAGRAPH_SEPARATOR,
            CONNECTOR_PUNCTUATION, DASH_PUNCTUATION, START_PUNCTUATION, END_PUNCTUATION,
            INITIAL_QUOTE_PUNCTUATION, FINAL_QUOTE_PUNCTUATION, OTHER_PUNCTUATION,
            MATH_SYMBOL, CURRENCY_SYMBOL, MODIFIER_SYMBOL, OTHER_SYMBOL,
            CONTROL, FORMAT, PRIVATE_USE, SURROGATE, UNASSIGNED);

    private TextFingerprint() {
    }

    static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            if (!ignored(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
            i += charCount(codePoint);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(kept.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the code point counts for nothing in a fingerprint. */
    static boolean ignored(int codePoint) {
        return (IGNORED_TYPES >>> getType(codePoint) & 1) != 0;
    }

    private static int types(int... types) {
        int mask = 0;
        for (int type : types) {
            mask |= 1 << type;
        }
        return mask;
    }
}
