package io.rectification.reporting.dashboard;

import io.rectification.reporting.support.ReportDueRule;

/**
 * How the dashboard reads task states (tasks-service owns the list): a task is verified (closed out,
 * 销号) when platform {@code contract.TaskStates} says it is closed; reported complete once its
 * completion is claimed or it is closed.
 * The SQL fragments below are the single place where that reading lives.
 */
final class TaskStates {

    private TaskStates() {
    }

    static final String VERIFIED = io.rectification.platform.contract.TaskStates.closedSql("t.state");
    static final String COMPLETED = "(t.state = 'COMPLETION_CLAIMED' OR " + VERIFIED + ")";

    /**
     * Deadline passed (before the asOf day), neither closed out nor claimed (the platform's one rule: a
     * claim waits on the supervisor); one parameter: the asOf date.
     */
    static final String OVERDUE = io.rectification.platform.contract.TaskStates.overdueSql("t.state", "t.deadline",
            "CAST(? AS date)");

    /**
     * Not closed out and not overdue, but the deadline falls within the next riskDays (a deadline on asOf
     * counts: due, not yet overdue), or its next progress report is due by the end of the asOf day (due
     * on asOf, or missing: read like the deadline). Parameters: asOf, asOf, asOf + riskDays, asOf.
     * Reads only columns rm_task_tally has too (state, deadline, report_due_on).
     */
    static final String AT_RISK = "(NOT " + VERIFIED.replace("t.state", "coalesce(t.state, '')")
            + " AND coalesce(t.deadline >= CAST(? AS date), TRUE) AND ("
            + " (t.deadline >= CAST(? AS date) AND t.deadline <= CAST(? AS date))"
            + " OR " + ReportDueRule.dueByEndOfSql("t") + "))";

    /**
     * Not closed out, and its next progress report is missing as of asOf (one parameter: asOf): its due
     * day ended before asOf without a report, as overdue is a deadline before asOf. A task without a
     * cadence owes no reports (its report_due_on is null).
     */
    static final String REPORT_MISSING = "(NOT " + VERIFIED.replace("t.state", "coalesce(t.state, '')")
            + " AND " + reportMissing() + ")";

    /** The one rule of a missing report, shared with the 待办 list. */
    private static String reportMissing() {
        return ReportDueRule.missingSql("t");
    }
}
