package io.rectification.platform.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class PublicNumberingTest {

    @Test
    void aGapLeftByWhatWasCancelledIsClosed() {
        assertEquals(List.of("（一）甲", "（二）丙", "（三）戊"),
                PublicNumbering.numbered(List.of(area(1, "甲"), area(3, "丙"), area(5, "戊"))));
    }

    @Test
    void theSiblingsGoInLedgerOrderWhateverOrderTheyCameIn() {
        assertEquals(List.of("一是甲", "二是乙", "三是丙"),
                PublicNumbering.numbered(List.of(measure(3, "丙"), measure(1, "甲"), measure(2, "乙"))));
    }

    @Test
    void oneWithoutALedgerNumberComesLastAndIsNotNumberedZero() {
        assertEquals(List.of("1.甲", "2.乙", "3.无号"),
                PublicNumbering.numbered(List.of(problem(null, "无号"), problem(4, "乙"), problem(2, "甲"))));
        assertEquals(List.of("1.无号"), PublicNumbering.numbered(List.of(problem(null, "无号"))));
    }

    @Test
    void siblingsOfTheSameLedgerNumberKeepTheOrderTheyCameIn() {
        assertEquals(List.of("1.先", "2.后", "3.再", "4.无号一", "5.无号二"), PublicNumbering.numbered(List.of(
                problem(2, "先"), problem(null, "无号一"), problem(2, "后"), problem(7, "再"), problem(null, "无号二"))));
    }

    @Test
    void noSiblingsNumberNothing() {
        assertEquals(List.of(), PublicNumbering.<String>numbered(List.of()));
    }

    private static PublicNumbering.Sibling<String> area(Integer ledgerNumber, String title) {
        return new PublicNumbering.Sibling<>(ledgerNumber, n -> PlanNumbering.area(n) + title);
    }

    private static PublicNumbering.Sibling<String> problem(Integer ledgerNumber, String title) {
        return new PublicNumbering.Sibling<>(ledgerNumber, n -> n + "." + title);
    }

    private static PublicNumbering.Sibling<String> measure(Integer ledgerNumber, String title) {
        return new PublicNumbering.Sibling<>(ledgerNumber, n -> PlanNumbering.ordinal(n) + title);
    }
}
