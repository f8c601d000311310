package io.rectification.tasks.task;

import io.quarkus.panache.common.Parameters;
import io.rectification.platform.contract.TaskStates;
import io.rectification.tasks.support.Cancellation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Overdue: past its deadline and neither closed nor claimed (the platform's one rule,
 * {@link TaskStates#overdue}: a claim waits on the supervisor's verification, and that delay is not the
 * unit's); a task due today is overdue from the next midnight in the organisation's zone. The one rule,
 * for Java (a task's {@code overdue} flag) and for JPQL (the list's {@code overdue} filter, the
 * follow-up run's notices, the ledger the follow-up schedule watches), so the flag, the filter and the
 * reminders cannot drift apart. A task cancelled (撤销) as entered by mistake is due nothing: never overdue,
 * nor its stage goals.
 *
 * <p>A stage goal past its due date and not achieved is overdue while its task is followed: not while
 * the task is claimed (the same reason) or closed out for good (VERIFIED); still while it is being
 * consolidated (CONSOLIDATING), since a LONG_TERM task enters consolidation with the goals due later
 * still open ({@link CloseOutRule}), and those are what the consolidation is followed by.
 */
public final class Overdue {

    /** {@link TaskStates#NEVER_OVERDUE} as the entity's states, bound into the JPQL. */
    static final Set<TaskState> NEVER_OVERDUE = Collections.unmodifiableSet(EnumSet.copyOf(
            TaskStates.NEVER_OVERDUE.stream().map(TaskState::valueOf).toList()));
    /** The states of a task whose stage goals are not followed (above): the platform's {@link TaskStates#GOALS_NOT_FOLLOWED}. */
    static final Set<TaskState> GOALS_NOT_FOLLOWED = Collections.unmodifiableSet(EnumSet.copyOf(
            TaskStates.GOALS_NOT_FOLLOWED.stream().map(TaskState::valueOf).toList()));

    private Overdue() {
    }

    public static boolean is(RectificationTask task, LocalDate today) {
        return !task.cancelled() && TaskStates.overdue(task.state == null ? null : task.state.name(), task.deadline, today);
    }

    /** JPQL: the task named {@code task} is overdue; with {@link #on}'s parameters. */
    public static String where(String task) {
        return "(" + task + ".deadline < :today and " + task + ".state not in :neverOverdue and "
                + Cancellation.standing(task) + ")";
    }

    /** The parameters {@link #where} binds, on {@code today}. */
    public static Parameters on(LocalDate today) {
        return Parameters.with("today", today).and("neverOverdue", NEVER_OVERDUE);
    }

    /**
     * JPQL: the stage goal named {@code goal} of the task named {@code task} is overdue; with
     * {@link #goalsOn}'s parameters.
     */
    public static String goalWhere(String goal, String task) {
        return "(" + goal + ".dueDate < :today and " + goal + ".achievedAt is null and " + task
                + ".state not in :goalsNotFollowed and " + Cancellation.standing(task) + ")";
    }

    /** The parameters {@link #goalWhere} binds, on {@code today}. */
    public static Parameters goalsOn(LocalDate today) {
        return Parameters.with("today", today).and("goalsNotFollowed", GOALS_NOT_FOLLOWED);
    }

    /**
     * Which time overdue {@code dueDate} is for {@code task}: null the first time, or the instant the
     * task came back to work after that day had passed: from a claim (rejected or withdrawn), or from its
     * close-out (reopened by a look-back, 再整改). A claim stops the overdue clock and its return starts it
     * again; a reopening starts the work anew. So each such return is a new episode and deserves its own
     * notice; a return by the due day itself comes before anything was overdue. A reopening sets the
     * rework's deadline after its day ({@link ReworkDeadline}), so it counts only when that deadline is moved
     * back before it, or for a task reopened before the rework had a deadline of its own.
     */
    public static OffsetDateTime episode(RectificationTask task, LocalDate dueDate, ZoneId zone) {
        OffsetDateTime back = latest(task.rejectedAt, task.withdrawnAt, task.reopenedAt);
        return back != null && back.atZoneSameInstant(zone).toLocalDate().isAfter(dueDate) ? back : null;
    }

    private static OffsetDateTime latest(OffsetDateTime... instants) {
        OffsetDateTime latest = null;
        for (OffsetDateTime instant : instants) {
            if (instant != null && (latest == null || instant.isAfter(latest))) {
                latest = instant;
            }
        }
        return latest;
    }
}
