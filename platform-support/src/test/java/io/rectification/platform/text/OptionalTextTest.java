package io.rectification.platform.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Tag("fast")
class OptionalTextTest {

    @Test
    void absentOrBlankIsNone() {
        assertNull(OptionalText.of(null));
        assertNull(OptionalText.of(""));
        assertNull(OptionalText.of(" \t\n"));
        assertNull(OptionalText.of("\u3000\u3000"), "the ideographic space a Chinese keyboard types is blank too");
        assertNull(OptionalText.of("\u00a0\u200b\ufeff"), "and so are a no-break space and zero-width characters");
    }

    @Test
    void aTextLosesOnlyItsOuterBlanks() {
        assertEquals("招商局", OptionalText.of(" 招商局\u3000"));
        assertEquals("招商局", OptionalText.of("\u00a0招商局\u200b"));
        assertEquals("一是 清理\n二是 建章", OptionalText.of("\n一是 清理\n二是 建章 "));
    }
}
