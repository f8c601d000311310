package io.rectification.tasks.task;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schedule rule alone, on month ends and leap years: plain JUnit, no services. */
@Tag("fast")
class LookBackScheduleRulesTest {

    @ParameterizedTest(name = "closed {0}, {1} held: due {2}")
    @CsvSource({
            "2026-11-30, 0, 2027-02-28",
            "2026-11-30, 1, 2027-05-30",
            "2026-11-30, 2, 2027-11-30",
            "2027-11-30, 0, 2028-02-29",
            "2027-08-31, 1, 2028-02-29",
            "2028-02-29, 0, 2028-05-29",
            "2028-02-29, 2, 2029-02-28",
            "2026-12-31, 0, 2027-03-31",
            "2026-05-31, 0, 2026-08-31",
            "2026-03-31, 0, 2026-06-30",
            "2026-01-01, 2, 2027-01-01",
    })
    void dueDatesCountForwardFromTheCloseOutDay(LocalDate closedOn, int held, LocalDate due) {
        assertEquals(Optional.of(due), LookBackSchedule.nextDue(closedOn, held));
    }

    @Test
    void nothingIsDueOnceEveryReviewIsHeld() {
        assertEquals(Optional.empty(), LookBackSchedule.nextDue(LocalDate.of(2026, 11, 30), 3));
        assertThrows(IllegalArgumentException.class, () -> LookBackSchedule.nextDue(LocalDate.of(2026, 11, 30), -1));
    }

    @Test
    void monthsAfterCloseOutFollowTheHeldCount() {
        assertEquals(3, LookBackSchedule.monthsAfterCloseOut(0));
        assertEquals(6, LookBackSchedule.monthsAfterCloseOut(1));
        assertEquals(12, LookBackSchedule.monthsAfterCloseOut(2));
    }
}
