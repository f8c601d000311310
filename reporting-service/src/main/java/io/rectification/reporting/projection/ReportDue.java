package io.rectification.reporting.projection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The day by whose end a task's next progress report is due (rm_task.report_due_on): one cadence
 * after its last report or, before the first, after the task was first seen, counted on the
 * organisation's calendar (a month from 31 January is 28 or 29 February); null without a cadence.
 * A task not closed out owes a report as of a day when this day is that day or earlier, which is
 * what lets the dashboard count missing reports per due day (rm_task_tally) instead of per task.
 */
final class ReportDue {

    private ReportDue() {
    }

    static LocalDate on(String cadence, OffsetDateTime lastReport, OffsetDateTime firstSeen, ZoneId zone) {
        OffsetDateTime since = lastReport != null ? lastReport : firstSeen;
        if (cadence == null || since == null) {
            return null;
        }
        LocalDateTime local = since.atZoneSameInstant(zone).toLocalDateTime();
        LocalDateTime due = switch (cadence) {
            case "DAILY" -> local.plusDays(1);
            case "WEEKLY" -> local.plusDays(7);
            default -> local.plusMonths(1);
        };
        return due.toLocalDate();
    }
}
