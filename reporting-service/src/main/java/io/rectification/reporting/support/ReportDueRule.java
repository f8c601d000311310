package io.rectification.reporting.support;

import io.rectification.platform.contract.ReportDue;
import io.rectification.platform.contract.TaskStates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * When a task's next progress report (日报告, 周调度, 月推进) is due, and when it is missing, as the read
 * models hold it: platform {@link ReportDue}, the rule tasks-service's {@code progressReportMissing} and
 * TaskProgressReportMissing follow, over {@code rm_task.report_due_on}. The projection, the dashboard
 * (at-risk, reports missing per unit) and the 待办 list all read it, so a task the dashboard counts as
 * missing its report is the task the unit sees as 未按期报送, and the task page says so too.
 *
 * <p>Due is a day ({@code rm_task.report_due_on}): one cadence after the last report or, before the
 * first, after the task was first seen, on the organisation's calendar (a month from 31 January is 28 or
 * 29 February). On that day the report is due (今日应报送); it is missing from the next day
 * ({@code report_due_on < day}), as a deadline is overdue only once its day has passed, the day being
 * the organisation's (Asia/Shanghai): at 00:01 the new day counts, at 23:59 still the old one, whatever
 * the database session's zone.
 *
 * <p>Only a task being worked on owes reports ({@link TaskStates#owesReports}, the rule tasks-service's
 * own schedule follows): one not started, claimed complete or closed out has no due day, so neither the
 * dashboard nor the 待办 list can count it as missing one.
 */
public final class ReportDueRule {

    private ReportDueRule() {
    }

    /**
     * The day the next report is due; null when the task owes none (its state, no cadence) or has
     * no moment to count from.
     */
    public static LocalDate dueOn(String state, String cadence, OffsetDateTime lastReport, OffsetDateTime firstSeen,
                                  ZoneId zone) {
        OffsetDateTime since = lastReport != null ? lastReport : firstSeen;
        if (!TaskStates.owesReports(state) || cadence == null || since == null) {
            return null;
        }
        return ReportDue.dueOn(cadence, since, zone, 1);
    }

    /** The organisation's day a moment falls on: the {@code day} the rule compares with. */
    public static LocalDate day(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    /** Whether a report due on {@code dueOn} (null: none owed) is missing as of {@code day}: its day ended. */
    public static boolean missing(LocalDate dueOn, LocalDate day) {
        return ReportDue.missing(dueOn, day);
    }

    /**
     * {@link #missing} as SQL over a read model row of {@code rm_task} (or {@code rm_task_tally}) under
     * {@code alias}; one parameter, the day.
     */
    public static String missingSql(String alias) {
        return "(" + alias + ".report_due_on < CAST(? AS date))";
    }

    /**
     * SQL: the report is due on the day or missing (its due day is the day or earlier): what the unit's
     * 待办 lists and the dashboard counts at risk; one parameter, the day.
     */
    public static String dueByEndOfSql(String alias) {
        return "(" + alias + ".report_due_on <= CAST(? AS date))";
    }
}
