package io.rectification.tasks.task;

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

    public static Optional<MissedPeriod> missed(RectificationTask task, OffsetDateTime now) {
        if (task.reportingCadence == null
                || !(task.state == TaskState.IN_PROGRESS || task.state == TaskState.REOPENED)) {
            return Optional.empty();
        }
        OffsetDateTime since = task.lastProgressReportAt != null ? task.lastProgressReportAt : task.createdAt;
        ChronoUnit unit = switch (task.reportingCadence) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
        };
        long periods = unit.between(since, now);
        OffsetDateTime expectedBy = since.plus(periods, unit);
        if (periods > 0 && expectedBy.isEqual(now)) {
            periods--; // a period ends strictly before now to count as missed
            expectedBy = since.plus(periods, unit);
        }
        if (periods < 1) {
            return Optional.empty();
        }
        return Optional.of(new MissedPeriod(task.reportingCadence, since.plus(periods - 1, unit), expectedBy, periods));
    }
}
