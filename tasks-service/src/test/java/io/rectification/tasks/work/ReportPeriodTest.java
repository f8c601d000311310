package io.rectification.tasks.work;

import io.rectification.platform.error.ApiException;
import io.rectification.tasks.task.ReportingCadence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void oneReportIsOnePeriodOfItsCadence() {
        assertDoesNotThrow(() -> check(ReportingCadence.DAILY, "2026-12-04", "2026-12-04"));
        assertDoesNotThrow(() -> check(ReportingCadence.WEEKLY, "2026-11-23", "2026-11-29"));
        assertDoesNotThrow(() -> check(ReportingCadence.MONTHLY, "2026-10-01", "2026-10-31"));
        assertEquals("periodEnd", field(() -> check(ReportingCadence.DAILY, "2026-12-03", "2026-12-04")));
        assertEquals("periodEnd", field(() -> check(ReportingCadence.WEEKLY, "2026-11-23", "2026-11-30")));
        // the weekly report that covered four months
        ApiException months = assertThrows(ApiException.class, () -> check(ReportingCadence.WEEKLY, "2026-11-30", "2027-03-20"));
        assertTrue(months.getMessage().contains("at most 7 days"), months.getMessage());
    }

    @Test
    void monthEndsAndLeapDaysCountInDays() {
        // a month that begins on the 31st: 31 days reach 2 March in a common year, 1 March in a leap year
        assertDoesNotThrow(() -> check(ReportingCadence.MONTHLY, "2025-01-31", "2025-03-02"));
        assertEquals("periodEnd", field(() -> check(ReportingCadence.MONTHLY, "2025-01-31", "2025-03-03")));
        assertDoesNotThrow(() -> check(ReportingCadence.MONTHLY, "2024-01-31", "2024-03-01"));
        assertEquals("periodEnd", field(() -> check(ReportingCadence.MONTHLY, "2024-01-31", "2024-03-02")));
        assertDoesNotThrow(() -> check(ReportingCadence.MONTHLY, "2024-02-01", "2024-02-29"));
        assertDoesNotThrow(() -> check(ReportingCadence.DAILY, "2024-02-29", "2024-02-29"));
        assertDoesNotThrow(() -> check(ReportingCadence.WEEKLY, "2024-02-26", "2024-03-03"));
    }

    @Test
    void aPeriodCannotBeginAfterTodayButMayEndAfterIt() {
        assertEquals("periodStart", field(() -> check(ReportingCadence.DAILY, "2026-12-06", "2026-12-06")));
        // written on Friday for the week to Sunday
        assertDoesNotThrow(() -> check(ReportingCadence.WEEKLY, "2026-11-30", "2026-12-06"));
        assertEquals("periodEnd", field(() -> check(ReportingCadence.WEEKLY, "2026-12-05", "2026-12-04")));
    }

    @Test
    void todayIsTheOrganisationsDay() {
        // 00:30 on 1 January in Shanghai is still 31 December in UTC: a daily report for 1 January is due
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneId.of("Asia/Shanghai"));
        assertDoesNotThrow(() -> ReportPeriod.check(ReportingCadence.DAILY, LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-01-01"), LocalDate.now(clock)));
        Clock before = Clock.fixed(Instant.parse("2026-12-31T15:59:00Z"), ZoneId.of("Asia/Shanghai"));
        assertEquals("periodStart", field(() -> ReportPeriod.check(ReportingCadence.DAILY, LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-01-01"), LocalDate.now(before))));
    }

    private static void check(ReportingCadence cadence, String start, String end) {
        ReportPeriod.check(cadence, LocalDate.parse(start), LocalDate.parse(end), TODAY);
    }

    private static String field(Runnable check) {
        ApiException refused = assertThrows(ApiException.class, check::run);
        assertEquals(400, refused.status());
        return refused.toErrorBody(null).errors().get(0).field();
    }
}
