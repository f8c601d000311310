package io.rectification.platform.text;

/**
 * An optional text as the services store it: absent when not given or only blanks, otherwise
 * without its outer blanks. So "   " sent for a meeting's topic or a verification note is no topic
 * or note, not one that shows as empty, and " 招商局 " is stored as "招商局".
 */
public final class OptionalText {

    private OptionalText() {
    }

    /** Null when {@code value} is null or blank, else {@code value} stripped. */
    public static String of(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
