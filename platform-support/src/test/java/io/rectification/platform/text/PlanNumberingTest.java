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

    @Test
    void underAnAreaAlreadyNamedAMeasureIsItsProblemAndOrdinal() {
        assertEquals("（六）", PlanNumbering.area(6));
        assertEquals("1.一是", PlanNumbering.inArea(1, 1));
        assertEquals("16.十二是", PlanNumbering.inArea(16, 12));
        assertEquals(PlanNumbering.inText(3, 4, 2), PlanNumbering.area(3) + PlanNumbering.inArea(4, 2));
    }
}
