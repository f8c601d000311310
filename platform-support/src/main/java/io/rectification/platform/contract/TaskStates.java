package io.rectification.platform.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * The one place for "closed" (销号), for "overdue", and for the states that owe progress reports: a task
 * is closed when VERIFIED, or CONSOLIDATING (a LONG_TERM task whose stage goals due so far were verified
 * and whose results are being consolidated). tasks-service's lifecycle and follow-ups and
 * reporting-service's read models, dashboards, to-dos, metrics, progress page, report and exports all
 * ask here, so the rule cannot drift between the ledger and what is published about it.
 */
public final class TaskStates {

    /** The state names (as events carry them) of a closed task. */
    public static final List<String> CLOSED = List.of("VERIFIED", "CONSOLIDATING");
    /**
     * The states in which a passed deadline does not make a task overdue: closed out, or claimed
     * (COMPLETION_CLAIMED: the unit says the work is done and waits for the supervisor's verification;
     * the delay is not the unit's). A claim rejected or withdrawn after the deadline is overdue again.
     */
    public static final List<String> NEVER_OVERDUE = List.of("COMPLETION_CLAIMED", "VERIFIED", "CONSOLIDATING");
    /**
     * The states of a task being worked on, which owes progress reports on its cadence: tasks-service's
     * schedule and follow-ups and reporting's due day (dashboard, 待办) ask here.
     */
    public static final List<String> OWING_REPORTS = List.of("IN_PROGRESS", "REOPENED");
    /**
     * The states in which a task's stage goals (阶段目标) are not followed: claimed (the same reason as for its
     * deadline) or closed out for good (VERIFIED). A consolidating task (CONSOLIDATING) still owes the goals
     * due after its consolidation began, so they are followed then: tasks-service's overdue goals and
     * reporting's 待办 ask here.
     */
    public static final List<String> GOALS_NOT_FOLLOWED = List.of("COMPLETION_CLAIMED", "VERIFIED");

    private TaskStates() {
    }

    public static boolean isClosed(String state) {
        return state != null && CLOSED.contains(state);
    }

    /**
     * Overdue: the deadline is before {@code today} (in the organisation's zone: a task due today is
     * overdue from the next midnight there) and the task is in none of {@link #NEVER_OVERDUE}.
     */
    public static boolean overdue(String state, LocalDate deadline, LocalDate today) {
        return deadline != null && deadline.isBefore(today) && (state == null || !NEVER_OVERDUE.contains(state));
    }

    /**
     * {@link #overdue} as SQL over a read model: {@code today} is an SQL expression of the day (a
     * parameter, {@code CAST(? AS date)}); a row without a state yet counts as open.
     */
    public static String overdueSql(String stateColumn, String deadlineColumn, String today) {
        return "(" + deadlineColumn + " < " + today + " AND " + deadlineRunsSql(stateColumn) + ")";
    }

    /**
     * SQL: the task's deadline still runs against its unit (its state is none of {@link #NEVER_OVERDUE}):
     * what a unit's 待办 lists as due soon or overdue.
     */
    public static String deadlineRunsSql(String stateColumn) {
        return "coalesce(" + stateColumn + ", '') NOT IN (" + quoted(NEVER_OVERDUE) + ")";
    }

    /** SQL: the task owes progress reports ({@link #OWING_REPORTS}). */
    public static String owesReportsSql(String stateColumn) {
        return stateColumn + " IN (" + quoted(OWING_REPORTS) + ")";
    }

    /** SQL: the task's stage goals are followed (its state is none of {@link #GOALS_NOT_FOLLOWED}). */
    public static String goalsFollowedSql(String stateColumn) {
        return "coalesce(" + stateColumn + ", '') NOT IN (" + quoted(GOALS_NOT_FOLLOWED) + ")";
    }

    public static boolean owesReports(String state) {
        return state != null && OWING_REPORTS.contains(state);
    }

    /** {@code column IN ('VERIFIED', 'CONSOLIDATING')}, for SQL over a read model's state column. */
    public static String closedSql(String column) {
        return column + " IN (" + quoted(CLOSED) + ")";
    }

    private static String quoted(List<String> states) {
        return String.join(", ", states.stream().map(s -> "'" + s + "'").toList());
    }
}
