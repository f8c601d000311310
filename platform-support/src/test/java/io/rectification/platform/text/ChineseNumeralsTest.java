package io.rectification.platform.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class ChineseNumeralsTest {

    @Test
    void numbersAsANoticeWritesThem() {
        assertEquals("一", ChineseNumerals.of(1));
        assertEquals("九", ChineseNumerals.of(9));
        assertEquals("十", ChineseNumerals.of(10));
        assertEquals("十一", ChineseNumerals.of(11));
        assertEquals("二十", ChineseNumerals.of(20));
        assertEquals("二十一", ChineseNumerals.of(21));
        assertEquals("九十九", ChineseNumerals.of(99));
    }

    @Test
    void outsideOneToNinetyNineDigitsStay() {
        assertEquals("0", ChineseNumerals.of(0));
        assertEquals("-3", ChineseNumerals.of(-3));
        assertEquals("100", ChineseNumerals.of(100));
    }
}
