package io.rectification.tasks.task;

import io.rectification.platform.problem.ProblemException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task state machine: the one table of which action moves a task from which state to which.
 * Rules that depend on more than the state (who acts, evidence, indicators, stage goals) live in
 * the services; this class only answers whether a move exists.
 */
public final class TaskLifecycle {

    private static final Map<TaskState, Map<TaskAction, TaskState>> TABLE = new EnumMap<>(TaskState.class);

    /**
     * Closed: verified (销号), or verified and being consolidated (a LONG_TERM task). A closed task
     * is not overdue and owes nothing more by its deadline or stage goals. The one definition: JPQL
     * binds this set as a parameter ({@code state not in :closed}), Java asks {@link #isClosed}.
     */
    public static final Set<TaskState> CLOSED = Collections.unmodifiableSet(
            EnumSet.of(TaskState.VERIFIED, TaskState.CONSOLIDATING));

    static {
        move(TaskState.PLANNED, TaskAction.START, TaskState.IN_PROGRESS);
        move(TaskState.IN_PROGRESS, TaskAction.CLAIM_COMPLETION, TaskState.COMPLETION_CLAIMED);
        move(TaskState.COMPLETION_CLAIMED, TaskAction.REJECT_COMPLETION, TaskState.IN_PROGRESS);
        move(TaskState.COMPLETION_CLAIMED, TaskAction.VERIFY, TaskState.VERIFIED);
        move(TaskState.COMPLETION_CLAIMED, TaskAction.CONSOLIDATE, TaskState.CONSOLIDATING);
        // A consolidated long-term task is closed out by a second verification.
        move(TaskState.CONSOLIDATING, TaskAction.VERIFY, TaskState.VERIFIED);
        move(TaskState.CONSOLIDATING, TaskAction.REOPEN, TaskState.REOPENED);
        move(TaskState.VERIFIED, TaskAction.LOOK_BACK_CONFIRM, TaskState.VERIFIED);
        move(TaskState.VERIFIED, TaskAction.REOPEN, TaskState.REOPENED);
        move(TaskState.REOPENED, TaskAction.CLAIM_COMPLETION, TaskState.COMPLETION_CLAIMED);
    }

    private TaskLifecycle() {
    }

    private static void move(TaskState from, TaskAction action, TaskState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(TaskAction.class)).put(action, to);
    }

    public static boolean isClosed(TaskState state) {
        return CLOSED.contains(state);
    }

    public static List<TaskAction> allowed(TaskState from) {
        return List.copyOf(TABLE.getOrDefault(from, Map.of()).keySet());
    }

    /** The state {@code action} leads to, or a 409 problem listing what {@code from} allows. */
    public static TaskState next(TaskState from, TaskAction action) {
        TaskState to = TABLE.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw refused("a task in state " + from + " cannot " + action, from);
        }
        return to;
    }

    /** Whether progress can be reported: the task is being worked on. */
    public static boolean isOpenForWork(TaskState state) {
        return state == TaskState.PLANNED || state == TaskState.IN_PROGRESS || state == TaskState.REOPENED
                || state == TaskState.CONSOLIDATING;
    }

    /** A 409 saying {@code refusal} (e.g. "progress cannot be reported") unless the task is being worked on. */
    public static void requireOpenForWork(TaskState state, String refusal) {
        if (!isOpenForWork(state)) {
            throw refused(refusal + " on a task in state " + state, state);
        }
    }

    /**
     * Evidence is what the close-out (销号) was verified against: once VERIFIED it is fixed, so
     * nothing is added to it and no file replaced, until a look-back reopens the task.
     */
    public static boolean acceptsEvidence(TaskState state) {
        return state != TaskState.VERIFIED;
    }

    public static void requireEvidenceOpen(TaskState state) {
        if (!acceptsEvidence(state)) {
            throw refused("the evidence of a closed-out (销号) task is fixed; a task in state " + state
                    + " takes no new evidence or file", state);
        }
    }

    private static ProblemException refused(String detail, TaskState state) {
        return ProblemException.conflict(detail).with("state", state).with("allowedTransitions", allowed(state));
    }
}
