package io.rectification.platform.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class PlanNumberingTest {

    @Test
    void aTaskIsNamedByItsAreaProblemAndOwnNumberAsTheNoticeWritesThem() {
        assertEquals("(一)3.二是", PlanNumbering.label(1, 3, 2));
        assertEquals("(五)16.十二是", PlanNumbering.label(5, 16, 12));
    }

    @Test
    void aProblemHasNoTaskPart() {
        assertEquals("(二)1.", PlanNumbering.label(2, 1, 0));
    }

    @Test
    void inChineseTextTheBracketsAreFullWidth() {
        assertEquals("（一）3.二是", PlanNumbering.inText(1, 3, 2));
    }
}
