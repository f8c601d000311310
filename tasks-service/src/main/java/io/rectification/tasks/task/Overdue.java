package io.rectification.tasks.task;

import io.quarkus.panache.common.Parameters;

import java.time.LocalDate;

/**
 * Overdue: past its deadline and not closed ({@link TaskLifecycle#CLOSED}); a task due today is
 * overdue from the next midnight in the organisation's zone. The one rule, for Java (a task's
 * {@code overdue} flag) and for JPQL (the list's {@code overdue} filter, the follow-up run's notices,
 * the ledger the follow-up schedule watches), so the flag, the filter and the reminders cannot drift
 * apart.
 */
public final class Overdue {

    private Overdue() {
    }

    public static boolean is(RectificationTask task, LocalDate today) {
        return !TaskLifecycle.isClosed(task.state) && task.deadline.isBefore(today);
    }

    /** JPQL: the task named {@code task} is overdue; with {@link #on}'s parameters. */
    public static String where(String task) {
        return "(" + task + ".deadline < :today and " + task + ".state not in :closed)";
    }

    /** The parameters {@link #where} binds, on {@code today}. */
    public static Parameters on(LocalDate today) {
        return Parameters.with("today", today).and("closed", TaskLifecycle.CLOSED);
    }
}
