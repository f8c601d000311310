package io.rectification.feedback.intake;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@Tag("fast")
class TextFingerprintTest {

    /** The rule as first written: what the fingerprint drops. */
    private static final Pattern DROPPED = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}\\p{C}]");

    @Test
    void dropsExactlyWhatTheRegularExpressionDropsForEveryCodePoint() {
        List<String> different = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            boolean byExpression = DROPPED.matcher(new String(Character.toChars(codePoint))).matches();
            if (byExpression != TextFingerprint.ignored(codePoint)) {
                different.add(Integer.toHexString(codePoint));
            }
        }
        assertEquals(List.of(), different.size() > 20 ? different.subList(0, 20) : different);
    }

    @Test
    void theSameTextWrittenOtherwiseIsTheSame() {
        String text = "小区门口的路灯坏了三个月，至今无人修理！";
        assertEquals(TextFingerprint.of(text), TextFingerprint.of("小区门口的路灯坏了三个月 至今无人修理"), "punctuation, spaces");
        assertEquals(TextFingerprint.of(text), TextFingerprint.of(" 小区门口的\n路灯坏了三个月,至今无人修理!!! "), "half-width marks, line breaks");
        assertEquals(TextFingerprint.of("ABC 123"), TextFingerprint.of("ａｂｃ１２３"), "full-width forms and case");
        assertEquals(TextFingerprint.of("路灯\u200b坏了"), TextFingerprint.of("路灯坏了"), "a zero-width space (format)");
        assertEquals(TextFingerprint.of("路灯坏了😀"), TextFingerprint.of("路灯坏了"), "a symbol outside the BMP");
    }

    @Test
    void anotherTextIsAnother() {
        assertNotEquals(TextFingerprint.of("路灯坏了三个月"), TextFingerprint.of("路灯坏了两个月"));
        assertNotEquals(TextFingerprint.of("路灯坏了𠀀"), TextFingerprint.of("路灯坏了"), "a letter outside the BMP counts");
        assertEquals(64, TextFingerprint.of("").length(), "the hash of nothing is still a hash");
    }
}
