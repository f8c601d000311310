package io.rectification.tasks.task;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a task owes a progress report, alone: plain JUnit, no services; times in Asia/Shanghai (+08:00). */
@Tag("fast")
class ProgressReportScheduleTest {

    /** 23:30 on 30 Nov in Asia/Shanghai: a report period ending "tomorrow" crosses midnight and the month end. */
    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-30T23:30:00+08:00");

    static RectificationTask task(ReportingCadence cadence, TaskState state, OffsetDateTime lastReport) {
        RectificationTask task = new RectificationTask();
        task.reportingCadence = cadence;
        task.state = state;
        task.createdAt = CREATED;
        task.lastProgressReportAt = lastReport;
        return task;
    }

    @Test
    void aDailyReportIsMissingOnlyOnceTheDayHasFullyPassed() {
        RectificationTask daily = task(ReportingCadence.DAILY, TaskState.IN_PROGRESS, null);
        assertEquals(Optional.empty(), ProgressReportSchedule.missed(daily, CREATED.plusHours(23)));
        // exactly at the end of the period it is not missed yet
        assertEquals(Optional.empty(), ProgressReportSchedule.missed(daily, CREATED.plusDays(1)));
        var missed = ProgressReportSchedule.missed(daily, CREATED.plusDays(1).plusMinutes(1)).orElseThrow();
        assertEquals(CREATED.plusDays(1), missed.expectedBy());
        assertEquals(CREATED, missed.periodStart());
        assertEquals(1, missed.missedPeriods());
    }

    @Test
    void severalMissedPeriodsAreCountedAndTheLatestIsNamed() {
        var missed = ProgressReportSchedule.missed(task(ReportingCadence.DAILY, TaskState.IN_PROGRESS, null),
                CREATED.plusDays(3).plusHours(1)).orElseThrow();
        assertEquals(3, missed.missedPeriods());
        assertEquals(CREATED.plusDays(3), missed.expectedBy());
        assertEquals(CREATED.plusDays(2), missed.periodStart());
    }

    @Test
    void periodsRunFromTheLastReport() {
        OffsetDateTime reported = OffsetDateTime.parse("2026-12-03T09:00:00+08:00");
        RectificationTask weekly = task(ReportingCadence.WEEKLY, TaskState.REOPENED, reported);
        assertEquals(Optional.empty(), ProgressReportSchedule.missed(weekly, reported.plusDays(6)));
        assertEquals(reported.plusWeeks(1),
                ProgressReportSchedule.missed(weekly, reported.plusDays(8)).orElseThrow().expectedBy());
    }

    @Test
    void aMonthlyPeriodFromAMonthEndEndsOnTheShorterMonthsLastDay() {
        OffsetDateTime reported = OffsetDateTime.parse("2027-01-31T10:00:00+08:00");
        RectificationTask monthly = task(ReportingCadence.MONTHLY, TaskState.IN_PROGRESS, reported);
        OffsetDateTime endOfFebruaryPeriod = OffsetDateTime.parse("2027-02-28T10:00:00+08:00");
        assertEquals(Optional.empty(), ProgressReportSchedule.missed(monthly, endOfFebruaryPeriod));
        assertEquals(endOfFebruaryPeriod, ProgressReportSchedule.missed(monthly, endOfFebruaryPeriod.plusMinutes(1))
                .orElseThrow().expectedBy());
        // ChronoUnit.MONTHS.between(31 Jan 10:00, 1 Mar 00:00) is 0: the rule must not follow it
        var missed = ProgressReportSchedule.missed(monthly, OffsetDateTime.parse("2027-03-01T00:00:00+08:00"))
                .orElseThrow();
        assertEquals(endOfFebruaryPeriod, missed.expectedBy());
        assertEquals(1, missed.missedPeriods());
        // the next period ends a month after the report, on 31 Mar, not a month after 28 Feb
        assertEquals(OffsetDateTime.parse("2027-03-31T10:00:00+08:00"), ProgressReportSchedule.missed(monthly,
                OffsetDateTime.parse("2027-04-01T00:00:00+08:00")).orElseThrow().expectedBy());
    }

    @Test
    void nothingIsOwedWithoutACadenceOrWhenTheTaskIsNotBeingWorkedOn() {
        OffsetDateTime muchLater = CREATED.plusMonths(6);
        assertTrue(ProgressReportSchedule.missed(task(null, TaskState.IN_PROGRESS, null), muchLater).isEmpty());
        for (TaskState state : new TaskState[]{TaskState.PLANNED, TaskState.COMPLETION_CLAIMED, TaskState.VERIFIED,
                TaskState.CONSOLIDATING}) {
            assertTrue(ProgressReportSchedule.missed(task(ReportingCadence.DAILY, state, null), muchLater).isEmpty(),
                    state.name());
        }
    }

    @Test
    void theNextTurnIsTheEndOfTheRunningPeriodAtAMonthEndOfALeapYear() {
        OffsetDateTime reported = OffsetDateTime.parse("2028-01-31T10:00:00+08:00");
        RectificationTask monthly = task(ReportingCadence.MONTHLY, TaskState.IN_PROGRESS, reported);
        OffsetDateTime turn = OffsetDateTime.parse("2028-02-29T10:00:00+08:00");
        assertEquals(Optional.of(turn), ProgressReportSchedule.nextTurn(monthly, reported.plusDays(3)));
        // up to the turn the answer is the same; just after it a period is missed
        assertEquals(Optional.empty(), ProgressReportSchedule.missed(monthly, turn));
        assertTrue(ProgressReportSchedule.missed(monthly, turn.plusNanos(1)).isPresent());
        // a period missed already: the next turn ends the one running now (31 March, two months from 31 January)
        assertEquals(Optional.of(OffsetDateTime.parse("2028-03-31T10:00:00+08:00")),
                ProgressReportSchedule.nextTurn(monthly, turn.plusNanos(1)));
        assertEquals(Optional.empty(), ProgressReportSchedule.nextTurn(
                task(ReportingCadence.MONTHLY, TaskState.VERIFIED, reported), turn), "a closed-out task owes none");
    }
}
