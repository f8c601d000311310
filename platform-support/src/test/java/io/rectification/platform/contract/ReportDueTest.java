package io.rectification.platform.contract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one report-due rule, alone: due days on the Shanghai calendar whatever offset {@code since}
 * carries (Z as read back from the database, +08:00 as just written), missing from the day after the
 * due day, at 23:59/00:00/00:01 in Beijing around 28/29 Feb 2028, 31 March and 31 Dec → 1 Jan.
 */
class ReportDueTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The same instant twice: as just written (+08:00) and as read back from timestamptz (Z). */
    static OffsetDateTime[] bothOffsets(String beijing) {
        OffsetDateTime written = OffsetDateTime.parse(beijing);
        return new OffsetDateTime[]{written, written.withOffsetSameInstant(ZoneOffset.UTC)};
    }

    /** The Beijing day of a moment, as both services read "today". */
    static LocalDate day(String beijing) {
        return OffsetDateTime.parse(beijing).atZoneSameInstant(SHANGHAI).toLocalDate();
    }

    @Test
    void aMonthlyReportFromEarlyOnTheFirstIsDueOnTheFirstOfTheNextMonthWhateverTheOffset() {
        // 07:00 Beijing on 1 March is 23:00 UTC on 28 February: months counted in UTC ended on 28/29 March
        for (OffsetDateTime since : bothOffsets("2027-03-01T07:00:00+08:00")) {
            assertEquals(LocalDate.of(2027, 4, 1), ReportDue.dueOn("MONTHLY", since, SHANGHAI, 1), since.toString());
            assertEquals(0, ReportDue.missedPeriods("MONTHLY", since, SHANGHAI, day("2027-03-29T08:00:00+08:00")));
            assertEquals(0, ReportDue.missedPeriods("MONTHLY", since, SHANGHAI, day("2027-04-01T23:59:00+08:00")));
            assertEquals(1, ReportDue.missedPeriods("MONTHLY", since, SHANGHAI, day("2027-04-02T00:00:00+08:00")));
        }
    }

    @Test
    void monthlyFromTheLastOfJanuaryIsDueOnTheLeapDayThenTheLastOfMarch() {
        for (OffsetDateTime since : bothOffsets("2028-01-31T02:00:00+08:00")) {
            assertEquals(LocalDate.of(2028, 2, 29), ReportDue.dueOn("MONTHLY", since, SHANGHAI, 1));
            assertEquals(LocalDate.of(2028, 3, 31), ReportDue.dueOn("MONTHLY", since, SHANGHAI, 2), "counted from since");
            assertEquals(LocalDate.of(2028, 4, 30), ReportDue.dueOn("MONTHLY", since, SHANGHAI, 3));
            String[][] moments = {
                    {"2028-02-28T23:59:00+08:00", "0"}, {"2028-02-29T00:00:00+08:00", "0"},
                    {"2028-02-29T00:01:00+08:00", "0"}, {"2028-02-29T23:59:00+08:00", "0"},
                    {"2028-03-01T00:00:00+08:00", "1"}, {"2028-03-01T00:01:00+08:00", "1"},
                    {"2028-03-31T23:59:00+08:00", "1"}, {"2028-04-01T00:00:00+08:00", "2"},
                    {"2028-04-01T00:01:00+08:00", "2"}};
            for (String[] m : moments) {
                assertEquals(Long.parseLong(m[1]), ReportDue.missedPeriods("MONTHLY", since, SHANGHAI, day(m[0])),
                        since + " at " + m[0]);
            }
        }
        // in 2027 (no leap day) the first is due on 28 February
        assertEquals(LocalDate.of(2027, 2, 28),
                ReportDue.dueOn("MONTHLY", OffsetDateTime.parse("2027-01-31T10:00:00+08:00"), SHANGHAI, 1));
    }

    @Test
    void aDailyReportIsDueOnTheNextDayAndMissingFromTheDayAfterAcrossTheYearEnd() {
        // 23:30 on 30 Dec: due 31 Dec, whatever hour it is given that day
        for (OffsetDateTime since : bothOffsets("2027-12-30T23:30:00+08:00")) {
            LocalDate due = ReportDue.dueOn("DAILY", since, SHANGHAI, 1);
            assertEquals(LocalDate.of(2027, 12, 31), due);
            assertFalse(ReportDue.due(due, day("2027-12-30T23:59:00+08:00")));
            assertTrue(ReportDue.due(due, day("2027-12-31T00:00:00+08:00")));
            assertFalse(ReportDue.missing(due, day("2027-12-31T23:59:00+08:00")), "due today is not missing yet");
            assertTrue(ReportDue.missing(due, day("2028-01-01T00:00:00+08:00")));
            assertFalse(ReportDue.due(due, day("2028-01-01T00:01:00+08:00")));
            assertEquals(0, ReportDue.missedPeriods("DAILY", since, SHANGHAI, day("2027-12-31T23:59:00+08:00")));
            assertEquals(1, ReportDue.missedPeriods("DAILY", since, SHANGHAI, day("2028-01-01T00:00:00+08:00")));
            assertEquals(3, ReportDue.missedPeriods("DAILY", since, SHANGHAI, day("2028-01-03T00:01:00+08:00")));
        }
    }

    @Test
    void aWeeklyReportIsDueAWeekLaterOnTheShanghaiCalendar() {
        // 07:00 Beijing on Mon 28 Feb 2028 is still Sunday 27 Feb in UTC
        for (OffsetDateTime since : bothOffsets("2028-02-28T07:00:00+08:00")) {
            assertEquals(LocalDate.of(2028, 3, 6), ReportDue.dueOn("WEEKLY", since, SHANGHAI, 1));
            assertEquals(LocalDate.of(2028, 3, 13), ReportDue.dueOn("WEEKLY", since, SHANGHAI, 2));
            assertEquals(0, ReportDue.missedPeriods("WEEKLY", since, SHANGHAI, LocalDate.of(2028, 3, 6)));
            assertEquals(1, ReportDue.missedPeriods("WEEKLY", since, SHANGHAI, LocalDate.of(2028, 3, 7)));
            assertEquals(1, ReportDue.missedPeriods("WEEKLY", since, SHANGHAI, LocalDate.of(2028, 3, 13)));
            assertEquals(2, ReportDue.missedPeriods("WEEKLY", since, SHANGHAI, LocalDate.of(2028, 3, 14)));
        }
    }

    @Test
    void theMissedCountMatchesCountingEveryDueDayOverYears() {
        OffsetDateTime since = OffsetDateTime.parse("2027-08-31T06:00:00Z");
        for (String cadence : new String[]{"DAILY", "WEEKLY", "MONTHLY"}) {
            for (LocalDate day = LocalDate.of(2027, 8, 30); day.isBefore(LocalDate.of(2030, 1, 1)); day = day.plusDays(1)) {
                long counted = 0;
                while (ReportDue.missing(ReportDue.dueOn(cadence, since, SHANGHAI, counted + 1), day)) {
                    counted++;
                }
                assertEquals(counted, ReportDue.missedPeriods(cadence, since, SHANGHAI, day), cadence + " on " + day);
            }
        }
    }

    @Test
    void noDueDayOwesNothing() {
        assertFalse(ReportDue.due(null, LocalDate.of(2028, 2, 29)));
        assertFalse(ReportDue.missing(null, LocalDate.of(2028, 2, 29)));
    }
}
