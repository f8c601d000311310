package io.rectification.platform.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class BlankTextTest {

    @Test
    void spacesOfEveryKindAndZeroWidthCharactersAreBlank() {
        assertTrue(BlankText.isBlank(null));
        assertTrue(BlankText.isBlank(""));
        assertTrue(BlankText.isBlank(" \t\r\n"));
        // what String.isBlank takes for a text: a no-break space (U+00A0, U+202F) or a zero-width one is not whitespace to Java
        assertFalse("\u3000\u3000\u00a0\t\n".isBlank(), "the case the rule is for");
        assertTrue(BlankText.isBlank("\u3000\u3000\u00a0\t\n"));
        assertTrue(BlankText.isBlank("\u200b\u200c\u200d\u2060\ufeff"));
        assertTrue(BlankText.isBlank("\u2007\u202f\u205f\u2028\u2029\u0085"));
        assertTrue(BlankText.isBlank("\u00ad\u180e\u3164\ufe0f\uffa0"), "soft hyphen, fillers, a variation selector");
        assertTrue(BlankText.isBlank(new String(Character.toChars(0xE0020))), "a tag character, beyond the BMP");
    }

    @Test
    void anyVisibleCharacterMakesATextNotBlank() {
        assertFalse(BlankText.isBlank("\u3000意见\u200b"));
        assertFalse(BlankText.isBlank("\u00a0."));
        assertFalse(BlankText.isBlank("\u200b" + new String(Character.toChars(0x1F600))), "an emoji");
        assertFalse(BlankText.isBlank("\u0000"), "a control character is refused by its own rule, not taken as blank");
    }

    @Test
    void stripTakesOffOuterSpacesAndZeroWidthCharactersOnly() {
        assertEquals("招商局", BlankText.strip("\u00a0\u200b 招商局\u3000\ufeff"));
        assertEquals("一是 清理\u00a0二是", BlankText.strip("\n一是 清理\u00a0二是 "));
        assertEquals("\u2764\ufe0f", BlankText.strip("\u2764\ufe0f\u00a0"), "a variation selector belongs to its character");
        assertEquals("", BlankText.strip("\u3000\u00a0\u200d"));
    }

    @Test
    void theSchemaPatternAgreesWithTheRuleOnTheBasicPlane() {
        // UNICODE_CHARACTER_CLASS: \s is then White_Space, as ECMA 262's is for what is not a control character
        java.util.regex.Pattern visible = java.util.regex.Pattern.compile(BlankText.SCHEMA_PATTERN,
                java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
        for (char c = 0x20; c < 0xD800; c++) {
            if (Character.isISOControl(c)) {
                continue;
            }
            assertEquals(!BlankText.isBlank(String.valueOf(c)), visible.matcher(String.valueOf(c)).find(),
                    String.format("U+%04X", (int) c));
        }
    }

    @Test
    void theValuePatternTakesWhatIsNotBlankAcrossLines() {
        java.util.regex.Pattern notBlank = java.util.regex.Pattern.compile(BlankText.VALUE_PATTERN);
        assertTrue(notBlank.matcher("\n\u3000整改\n").matches());
        assertFalse(notBlank.matcher("\u3000\u00a0\n\u200b\ufeff").matches());
        assertFalse(notBlank.matcher("  ").matches());
    }
}
