package io.rectification.feedback.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two texts "the same" for duplicate detection: full-width and half-width forms
 * folded (NFKC), case ignored, whitespace, punctuation and symbols dropped. Only the hash is kept.
 */
final class TextFingerprint {

    private static final Pattern IGNORED = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}\\p{C}]");

    private TextFingerprint() {
    }

    static String of(String text) {
        String normalised = IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
