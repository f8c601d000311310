package io.rectification.platform.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class PlanNumberingTest {

    @Test
    void aTaskIsNamedByItsAreaProblemAndOwnNumberAsTheNoticeWritesThem() {
        assertEquals("（一）3.二是", PlanNumbering.inText(1, 3, 2));
        assertEquals("（五）16.十二是", PlanNumbering.inText(5, 16, 12));
    }

    @Test
    void aProblemHasNoTaskPart() {
        assertEquals("（二）1.", PlanNumbering.inText(2, 1, 0));
    }

    @Test
    void aTasksOwnNumberIsItsOrdinal() {
        assertEquals("一是", PlanNumbering.ordinal(1));
        assertEquals("十二是", PlanNumbering.ordinal(12));
    }
}
