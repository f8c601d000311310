package io.rectification.reporting.dashboard;

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

    /** Deadline passed (before the asOf day) and not closed out; one parameter: the asOf date. */
    static final String OVERDUE = "(t.deadline < CAST(? AS date) AND NOT " + VERIFIED.replace("t.state", "coalesce(t.state, '')") + ")";

    /**
     * Not closed out and not overdue, but the deadline falls within the next riskDays, or no progress
     * report came within its cadence. Parameters: asOf, asOf, asOf + riskDays, end of the asOf day.
     */
    static final String AT_RISK = "(NOT " + VERIFIED.replace("t.state", "coalesce(t.state, '')")
            + " AND coalesce(t.deadline >= CAST(? AS date), TRUE) AND ("
            + " (t.deadline >= CAST(? AS date) AND t.deadline <= CAST(? AS date))"
            + " OR " + reportMissing() + "))";

    /**
     * Not closed out, and no progress report came within the task's reporting cadence before the end
     * of the asOf day (one parameter). A task without a cadence owes no reports.
     */
    static final String REPORT_MISSING = "(NOT " + VERIFIED.replace("t.state", "coalesce(t.state, '')")
            + " AND " + reportMissing() + ")";

    private static String reportMissing() {
        return "(t.reporting_cadence IS NOT NULL AND coalesce(t.last_progress_report_at, t.first_seen_at)"
                + " < CAST(? AS timestamptz) - CASE t.reporting_cadence WHEN 'DAILY' THEN interval '1 day'"
                + " WHEN 'WEEKLY' THEN interval '7 days' ELSE interval '1 month' END)";
    }
}
