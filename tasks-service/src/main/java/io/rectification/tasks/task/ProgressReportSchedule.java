package io.rectification.tasks.task;

import io.rectification.platform.contract.TaskStates;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a task being worked on owes a progress report: its cadence's periods run from its last report
 * (or, before the first, from its creation); each period that ended without a report is a missing one.
 * The task snapshot's {@code progressReportMissing} and the follow-up job both ask this class.
 */
public final class ProgressReportSchedule {

    /**
     * The latest period that ended without a report.
     *
     * @param expectedBy    when that period ended: the report was expected by then
     * @param missedPeriods how many periods in a row have ended without a report (1 for the first)
     */
    public record MissedPeriod(ReportingCadence cadence, OffsetDateTime periodStart, OffsetDateTime expectedBy,
                               long missedPeriods) {
    }

    private ProgressReportSchedule() {
    }

    /**
     * How many periods counted forward from {@code since} ended strictly before {@code now}. Each end
     * is {@code since} plus n periods, computed forward and compared: {@code ChronoUnit.between} is not
     * the inverse of adding at month ends (a month from 31 Jan 10:00 ends on 28 Feb 10:00, yet
     * between(31 Jan 10:00, 1 Mar 00:00) is 0 months), so it only gives a first guess.
     */
    static long endedBefore(OffsetDateTime since, ChronoUnit unit, OffsetDateTime now) {
        long periods = Math.max(0, unit.between(since, now));
        while (since.plus(periods + 1, unit).isBefore(now)) {
            periods++;
        }
        while (periods > 0 && !since.plus(periods, unit).isBefore(now)) {
            periods--;
        }
        return periods;
    }

    public static Optional<MissedPeriod> missed(RectificationTask task, OffsetDateTime now) {
        if (!owesReports(task)) {
            return Optional.empty();
        }
        OffsetDateTime since = since(task);
        ChronoUnit unit = unitOf(task.reportingCadence);
        long periods = endedBefore(since, unit, now);
        if (periods < 1) {
            return Optional.empty();
        }
        return Optional.of(new MissedPeriod(task.reportingCadence, since.plus(periods - 1, unit),
                since.plus(periods, unit), periods));
    }

    /**
     * The end of the reporting period running at {@code now}: until then (inclusive) {@link #missed}
     * answers as it does at {@code now}, just after it one more period has been missed. Empty for a
     * task that owes no reports.
     */
    public static Optional<OffsetDateTime> nextTurn(RectificationTask task, OffsetDateTime now) {
        if (!owesReports(task)) {
            return Optional.empty();
        }
        OffsetDateTime since = since(task);
        ChronoUnit unit = unitOf(task.reportingCadence);
        return Optional.of(since.plus(endedBefore(since, unit, now) + 1, unit));
    }

    private static boolean owesReports(RectificationTask task) {
        return task.reportingCadence != null && task.state != null && TaskStates.owesReports(task.state.name());
    }

    private static OffsetDateTime since(RectificationTask task) {
        return task.lastProgressReportAt != null ? task.lastProgressReportAt : task.createdAt;
    }

    private static ChronoUnit unitOf(ReportingCadence cadence) {
        return switch (cadence) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
        };
    }
}
