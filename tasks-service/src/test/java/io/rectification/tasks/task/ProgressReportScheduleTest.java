package io.rectification.tasks.task;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a task misses a progress report, alone: plain JUnit, no services. The day is Asia/Shanghai's;
 * since carries +08:00 as just written and Z as Hibernate reads a timestamptz back, with the same answers.
 */
@Tag("fast")
class ProgressReportScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 23:30 on 30 Nov in Asia/Shanghai: the first daily report is due on 1 December. */
    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-30T23:30:00+08:00");

    static RectificationTask task(ReportingCadence cadence, TaskState state, OffsetDateTime lastReport) {
        RectificationTask task = new RectificationTask();
        task.reportingCadence = cadence;
        task.state = state;
        task.createdAt = CREATED;
        task.lastProgressReportAt = lastReport;
        return task;
    }

    static Optional<ProgressReportSchedule.MissedPeriod> missed(RectificationTask task, String at) {
        return ProgressReportSchedule.missed(task, OffsetDateTime.parse(at), SHANGHAI);
    }

    /** The same instant as read back from the database. */
    static OffsetDateTime atZ(String beijing) {
        return OffsetDateTime.parse(beijing).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Test
    void aDailyReportIsMissingOnlyOnceItsDueDayHasEnded() {
        RectificationTask daily = task(ReportingCadence.DAILY, TaskState.IN_PROGRESS, null);
        // due all of 1 December: the 23:30 of creation is no deadline of its own
        assertEquals(Optional.empty(), missed(daily, "2026-12-01T00:01:00+08:00"));
        assertEquals(Optional.empty(), missed(daily, "2026-12-01T23:59:00+08:00"));
        var missed = missed(daily, "2026-12-02T00:00:00+08:00").orElseThrow();
        assertEquals(OffsetDateTime.parse("2026-12-02T00:00:00+08:00"), missed.expectedBy());
        assertEquals(CREATED, missed.periodStart());
        // the follow-up key's instant: where the period ended under the instant rule, so no period is announced twice
        assertEquals(CREATED.plusDays(1), missed.periodEnd());
        assertEquals(1, missed.missedPeriods());
    }

    @Test
    void severalMissedPeriodsAreCountedAndTheLatestIsNamed() {
        var missed = missed(task(ReportingCadence.DAILY, TaskState.IN_PROGRESS, null), "2026-12-04T00:30:00+08:00")
                .orElseThrow();
        assertEquals(3, missed.missedPeriods());
        assertEquals(OffsetDateTime.parse("2026-12-04T00:00:00+08:00"), missed.expectedBy());
        assertEquals(CREATED.plusDays(2), missed.periodStart());
    }

    @Test
    void periodsRunFromTheLastReport() {
        OffsetDateTime reported = OffsetDateTime.parse("2026-12-03T09:00:00+08:00");
        RectificationTask weekly = task(ReportingCadence.WEEKLY, TaskState.REOPENED, reported);
        assertEquals(Optional.empty(), missed(weekly, "2026-12-10T23:59:00+08:00"));
        assertEquals(OffsetDateTime.parse("2026-12-11T00:00:00+08:00"),
                missed(weekly, "2026-12-11T00:00:00+08:00").orElseThrow().expectedBy());
    }

    @Test
    void aMonthlyPeriodIsCountedOnTheShanghaiCalendarWhateverOffsetTheValueCarries() {
        // created 07:00 on 1 March in Beijing: 23:00 on 28 February in UTC, as the entity reads it back
        for (OffsetDateTime created : new OffsetDateTime[]{OffsetDateTime.parse("2027-03-01T07:00:00+08:00"),
                atZ("2027-03-01T07:00:00+08:00")}) {
            RectificationTask monthly = task(ReportingCadence.MONTHLY, TaskState.IN_PROGRESS, null);
            monthly.createdAt = created;
            assertEquals(Optional.empty(), missed(monthly, "2027-03-29T08:00:00+08:00"), created.toString());
            assertEquals(Optional.empty(), missed(monthly, "2027-04-01T23:59:00+08:00"), created.toString());
            var first = missed(monthly, "2027-04-02T00:01:00+08:00").orElseThrow();
            assertEquals(OffsetDateTime.parse("2027-04-02T00:00:00+08:00"), first.expectedBy());
            assertEquals(1, first.missedPeriods());
        }
    }

    @Test
    void aMonthlyPeriodFromTheLastOfJanuaryIsDueOnTheLeapDayThenTheLastOfMarch() {
        for (OffsetDateTime reported : new OffsetDateTime[]{OffsetDateTime.parse("2028-01-31T02:00:00+08:00"),
                atZ("2028-01-31T02:00:00+08:00")}) {
            RectificationTask monthly = task(ReportingCadence.MONTHLY, TaskState.IN_PROGRESS, reported);
            assertEquals(Optional.empty(), missed(monthly, "2028-02-28T23:59:00+08:00"));
            assertEquals(Optional.empty(), missed(monthly, "2028-02-29T00:01:00+08:00"));
            assertEquals(Optional.empty(), missed(monthly, "2028-02-29T23:59:00+08:00"));
            var leap = missed(monthly, "2028-03-01T00:00:00+08:00").orElseThrow();
            assertEquals(OffsetDateTime.parse("2028-03-01T00:00:00+08:00"), leap.expectedBy());
            assertEquals(OffsetDateTime.parse("2028-02-29T02:00:00+08:00"), leap.periodEnd().withOffsetSameInstant(ZoneOffset.ofHours(8)));
            // the next is due a second month after the report, on 31 March, not a month after 29 February
            assertEquals(1, missed(monthly, "2028-03-31T23:59:00+08:00").orElseThrow().missedPeriods());
            var march = missed(monthly, "2028-04-01T00:01:00+08:00").orElseThrow();
            assertEquals(2, march.missedPeriods());
            assertEquals(OffsetDateTime.parse("2028-04-01T00:00:00+08:00"), march.expectedBy());
        }
    }

    @Test
    void aDailyReportAcrossTheYearEnd() {
        RectificationTask daily = task(ReportingCadence.DAILY, TaskState.IN_PROGRESS, atZ("2027-12-30T15:00:00+08:00"));
        assertEquals(Optional.empty(), missed(daily, "2027-12-31T23:59:00+08:00"));
        assertEquals(OffsetDateTime.parse("2028-01-01T00:00:00+08:00"),
                missed(daily, "2028-01-01T00:00:00+08:00").orElseThrow().expectedBy());
    }

    @Test
    void nothingIsOwedWithoutACadenceOrWhenTheTaskIsNotBeingWorkedOn() {
        String muchLater = "2027-06-01T12:00:00+08:00";
        assertTrue(missed(task(null, TaskState.IN_PROGRESS, null), muchLater).isEmpty());
        for (TaskState state : new TaskState[]{TaskState.PLANNED, TaskState.COMPLETION_CLAIMED, TaskState.VERIFIED,
                TaskState.CONSOLIDATING}) {
            assertTrue(missed(task(ReportingCadence.DAILY, state, null), muchLater).isEmpty(), state.name());
        }
    }
}
