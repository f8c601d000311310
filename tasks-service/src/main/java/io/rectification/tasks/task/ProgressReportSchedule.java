package io.rectification.tasks.task;

import io.rectification.platform.contract.ReportDue;
import io.rectification.platform.contract.TaskStates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a task being worked on misses a progress report: platform {@link ReportDue}, the rule
 * reporting-service's dashboard and 待办 read too. Reports are due on days counted on the organisation's
 * calendar from the last report (or, before the first, from the task's creation); a report is missing
 * once its due day ended without one. The task snapshot's {@code progressReportMissing} and the
 * follow-up job both ask this class.
 */
public final class ProgressReportSchedule {

    /**
     * The latest report missing.
     *
     * @param periodStart   when the period it covers began: {@code since} plus one cadence fewer
     * @param periodEnd     {@code since} plus {@code missedPeriods} cadences (its date is the due day): it
     *                      names the period in the follow-up's key, as the moment the period ended did
     *                      before the due day was read as a day
     * @param expectedBy    the end of the due day (00:00 of the next day in the organisation's zone): the
     *                      report was expected by then
     * @param missedPeriods how many reports in a row are missing (1 for the first)
     */
    public record MissedPeriod(ReportingCadence cadence, OffsetDateTime periodStart, OffsetDateTime periodEnd,
                               OffsetDateTime expectedBy, long missedPeriods) {
    }

    private ProgressReportSchedule() {
    }

    /** The latest report missing at {@code now}, the day read in {@code zone} (the clock's). */
    public static Optional<MissedPeriod> missed(RectificationTask task, OffsetDateTime now, ZoneId zone) {
        if (!owesReports(task)) {
            return Optional.empty();
        }
        String cadence = task.reportingCadence.name();
        OffsetDateTime since = task.lastProgressReportAt != null ? task.lastProgressReportAt : task.createdAt;
        long missed = ReportDue.missedPeriods(cadence, since, zone, now.atZoneSameInstant(zone).toLocalDate());
        if (missed < 1) {
            return Optional.empty();
        }
        OffsetDateTime end = ReportDue.after(cadence, since, zone, missed).atZone(zone).toOffsetDateTime();
        LocalDate dueOn = end.toLocalDate();
        return Optional.of(new MissedPeriod(task.reportingCadence,
                ReportDue.after(cadence, since, zone, missed - 1).atZone(zone).toOffsetDateTime(), end,
                dueOn.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), missed));
    }

    private static boolean owesReports(RectificationTask task) {
        // a task cancelled (撤销) as entered by mistake owes nothing
        return task.cancellation == null && task.reportingCadence != null && task.state != null && TaskStates.owesReports(task.state.name());
    }
}
