package io.rectification.platform.text;

/**
 * What "blank" means for a text people type, in every service: nothing but spaces of any kind and
 * characters that show nothing. {@link String#isBlank()} and Hibernate Validator's own
 * {@code @NotBlank} know only {@link Character#isWhitespace}, which leaves out the no-break spaces
 * (U+00A0, U+2007, U+202F) and every zero-width character (U+200B…U+200D, U+2060, U+FEFF): a text
 * of them was taken as written and showed as an empty item in a handler's inbox. Blank here is any
 * code point of Unicode's White_Space or Default_Ignorable_Code_Point properties (the latter: the
 * zero-width and invisible format characters, fillers and variation selectors, which a text may hold
 * but never consist of). The check stops at the first visible character, so it costs next to nothing
 * on a real text.
 */
public final class BlankText {

    /**
     * "At least one character that is not blank" as an ECMA 262 pattern, for the OpenAPI documents:
     * {@code \s} there holds White_Space and U+FEFF; the class adds the Default_Ignorable_Code_Point
     * characters of the Basic Multilingual Plane (those beyond it are too rare to spell out in a schema).
     */
    public static final String SCHEMA_PATTERN = "[^\\s\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F"
            + "\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0]";

    /**
     * The same for a whole value in Java ({@code @Pattern} on a member that may be absent but not blank
     * when given): {@code (?U)} makes {@code \s} White_Space, {@code (?s)} lets the value span lines.
     */
    public static final String VALUE_PATTERN = "(?sU).*" + SCHEMA_PATTERN + ".*";

    private BlankText() {
    }

    /** Whether {@code text} is null, empty or holds only blank characters. */
    public static boolean isBlank(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (!blank(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * {@code text} without its outer spaces and zero-width characters (the ones {@link #strippable}
     * names). A variation selector or a joiner inside a text stays: it belongs to the character before it.
     */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && strippable(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && strippable(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** White_Space or Default_Ignorable_Code_Point (Unicode 15's lists). */
    static boolean blank(int c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return whiteSpace(c) || defaultIgnorable(c);
    }

    /** Spaces of every kind and the zero-width spaces, joiners and byte order mark, which the ends of a text lose. */
    static boolean strippable(int c) {
        return c <= 0x20 ? blank(c) : c >= 0x85 && (whiteSpace(c) || c == 0x180E || (c >= 0x200B && c <= 0x200D)
                || c == 0x2060 || c == 0xFEFF);
    }

    private static boolean whiteSpace(int c) {
        // Character.isSpaceChar: Zs (with the no-break spaces), Zl, Zp; U+0085 is White_Space but a C1 control.
        return c == 0x85 || Character.isSpaceChar(c);
    }

    private static boolean defaultIgnorable(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F)
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || c == 0x3164
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF || c == 0xFFA0
                || (c >= 0xFFF0 && c <= 0xFFF8)
                || (c >= 0x1BCA0 && c <= 0x1BCA3)
                || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }
}
