package io.rectification.platform.contract;

import java.util.List;

/**
 * The one place for "closed" (销号), and for the states that owe progress reports: a task is closed when VERIFIED, or CONSOLIDATING (a LONG_TERM
 * task whose stage goals were verified and whose results are being consolidated). tasks-service's
 * lifecycle and reporting-service's read models, metrics, report and exports all ask here, so the
 * rule cannot drift between the ledger and what is published about it.
 */
public final class TaskStates {

    /** The state names (as events carry them) of a closed task. */
    public static final List<String> CLOSED = List.of("VERIFIED", "CONSOLIDATING");
    /**
     * The states of a task being worked on, which owes progress reports on its cadence: tasks-service's
     * schedule and follow-ups and reporting's due day (dashboard, 待办) ask here.
     */
    public static final List<String> OWING_REPORTS = List.of("IN_PROGRESS", "REOPENED");

    private TaskStates() {
    }

    public static boolean isClosed(String state) {
        return state != null && CLOSED.contains(state);
    }

    public static boolean owesReports(String state) {
        return state != null && OWING_REPORTS.contains(state);
    }

    /** {@code column IN ('VERIFIED', 'CONSOLIDATING')}, for SQL over a read model's state column. */
    public static String closedSql(String column) {
        return column + " IN (" + String.join(", ", CLOSED.stream().map(s -> "'" + s + "'").toList()) + ")";
    }
}
