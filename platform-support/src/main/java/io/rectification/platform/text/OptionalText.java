package io.rectification.platform.text;

/**
 * An optional text as the services store it: absent when not given or only blanks, otherwise
 * without its outer blanks ({@link BlankText}: spaces of every kind, no-break and full-width ones
 * included, and zero-width characters). So "   " (or a no-break space and a zero-width one) sent for a meeting's topic or a
 * verification note is no topic or note, not one that shows as empty, and " 招商局 " is stored as "招商局".
 */
public final class OptionalText {

    private OptionalText() {
    }

    /** Null when {@code value} is null or blank, else {@code value} stripped. */
    public static String of(String value) {
        return BlankText.isBlank(value) ? null : BlankText.strip(value);
    }
}
