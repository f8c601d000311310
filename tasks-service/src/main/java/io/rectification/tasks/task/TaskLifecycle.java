package io.rectification.tasks.task;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.error.ApiException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task state machine: the one table of which action moves a task of which kind from which
 * state to which. Only a LONG_TERM (长期坚持) task is consolidated: its claim goes to CONSOLIDATING
 * and only from there is it verified; an IMMEDIATE or TIME_BOUND task is verified straight from its
 * claim and never consolidated. Rules that depend on more than kind and state (who acts, evidence,
 * indicators, stage goals) live in the services; this class only answers whether a move exists.
 */
public final class TaskLifecycle {

    private static final Map<TaskKind, Map<TaskState, Map<TaskAction, TaskState>>> TABLE = new EnumMap<>(TaskKind.class);

    /**
     * Closed: verified (销号), or verified and being consolidated (a LONG_TERM task). A closed task
     * owes nothing more by its deadline (it is never overdue, {@link Overdue}); a consolidating one still
     * owes the stage goals due after its consolidation began. The one definition: JPQL binds this set as
     * a parameter ({@code state in :closed}), Java asks {@link #isClosed}.
     */
    public static final Set<TaskState> CLOSED = Collections.unmodifiableSet(EnumSet.copyOf(
            TaskStates.CLOSED.stream().map(TaskState::valueOf).toList()));

    static {
        for (TaskKind kind : TaskKind.values()) {
            move(kind, TaskState.PLANNED, TaskAction.START, TaskState.IN_PROGRESS);
            move(kind, TaskState.IN_PROGRESS, TaskAction.CLAIM_COMPLETION, TaskState.COMPLETION_CLAIMED);
            move(kind, TaskState.COMPLETION_CLAIMED, TaskAction.REJECT_COMPLETION, TaskState.IN_PROGRESS);
            // back to where the claim was made from: IN_PROGRESS, or REOPENED (afterWithdrawal)
            move(kind, TaskState.COMPLETION_CLAIMED, TaskAction.WITHDRAW_CLAIM, TaskState.IN_PROGRESS);
            move(kind, TaskState.VERIFIED, TaskAction.LOOK_BACK_CONFIRM, TaskState.VERIFIED);
            move(kind, TaskState.VERIFIED, TaskAction.REOPEN, TaskState.REOPENED);
            move(kind, TaskState.REOPENED, TaskAction.CLAIM_COMPLETION, TaskState.COMPLETION_CLAIMED);
        }
        move(TaskKind.IMMEDIATE, TaskState.COMPLETION_CLAIMED, TaskAction.VERIFY, TaskState.VERIFIED);
        move(TaskKind.TIME_BOUND, TaskState.COMPLETION_CLAIMED, TaskAction.VERIFY, TaskState.VERIFIED);
        move(TaskKind.LONG_TERM, TaskState.COMPLETION_CLAIMED, TaskAction.CONSOLIDATE, TaskState.CONSOLIDATING);
        // A consolidated long-term task is closed out by a second verification.
        move(TaskKind.LONG_TERM, TaskState.CONSOLIDATING, TaskAction.VERIFY, TaskState.VERIFIED);
        move(TaskKind.LONG_TERM, TaskState.CONSOLIDATING, TaskAction.REOPEN, TaskState.REOPENED);
    }

    private TaskLifecycle() {
    }

    private static void move(TaskKind kind, TaskState from, TaskAction action, TaskState to) {
        TABLE.computeIfAbsent(kind, k -> new EnumMap<>(TaskState.class))
                .computeIfAbsent(from, s -> new EnumMap<>(TaskAction.class)).put(action, to);
    }

    private static Map<TaskAction, TaskState> movesFrom(TaskKind kind, TaskState from) {
        return TABLE.get(kind).getOrDefault(from, Map.of());
    }

    /**
     * Whether a task of {@code kind} can be in {@code state} at all: only a LONG_TERM task is ever
     * CONSOLIDATING. A change of kind that breaks this would leave the task with no move out.
     */
    public static boolean holds(TaskKind kind, TaskState state) {
        return state == TaskState.PLANNED || TABLE.get(kind).containsKey(state);
    }

    /** A 409 naming {@code kind} unless a task in {@code state} may take it. */
    public static void requireKindHolds(TaskKind kind, TaskState state) {
        if (!holds(kind, state)) {
            throw ApiException.conflict("a task in state " + state + " cannot become " + kind
                    + "; only a LONG_TERM task is consolidated").with("field", "kind").with("state", state);
        }
    }

    public static boolean isClosed(TaskState state) {
        return CLOSED.contains(state);
    }

    public static List<TaskAction> allowed(TaskKind kind, TaskState from) {
        return List.copyOf(movesFrom(kind, from).keySet());
    }

    /** The state {@code action} leads to, or a 409 problem listing what a task of {@code kind} in {@code from} allows. */
    public static TaskState next(TaskKind kind, TaskState from, TaskAction action) {
        TaskState to = movesFrom(kind, from).get(action);
        if (to == null) {
            throw refused("a task of kind " + kind + " in state " + from + " cannot " + action, kind, from);
        }
        return to;
    }

    /**
     * Where withdrawing the claim of a task in {@code from} leads (a 409 unless the table has the move):
     * back to {@code claimedFrom}, the state the claim was made from, when the table has a claim from
     * there to {@code from} (REOPENED stays REOPENED: the task is still 再整改); otherwise, an origin not
     * recorded, where the table's move goes, as a rejection does.
     */
    public static TaskState afterWithdrawal(TaskKind kind, TaskState from, TaskState claimedFrom) {
        TaskState to = next(kind, from, TaskAction.WITHDRAW_CLAIM);
        boolean claimedThence = claimedFrom != null
                && movesFrom(kind, claimedFrom).get(TaskAction.CLAIM_COMPLETION) == from;
        return claimedThence ? claimedFrom : to;
    }

    /** Whether progress can be reported: the task is being worked on. */
    public static boolean isOpenForWork(TaskState state) {
        return state == TaskState.PLANNED || state == TaskState.IN_PROGRESS || state == TaskState.REOPENED
                || state == TaskState.CONSOLIDATING;
    }

    /** A 409 saying {@code refusal} (e.g. "progress cannot be reported") unless the task is being worked on. */
    public static void requireOpenForWork(TaskKind kind, TaskState state, String refusal) {
        if (!isOpenForWork(state)) {
            throw refused(refusal + " on a task in state " + state, kind, state);
        }
    }

    /**
     * A 409 saying {@code refusal} unless the task's deadline still runs against its unit: it is neither
     * claimed (COMPLETION_CLAIMED) nor closed out, the platform's one rule of what is never overdue
     * ({@link Overdue}). A later deadline is asked for only while the deadline binds the unit.
     */
    public static void requireDeadlineRuns(TaskKind kind, TaskState state, String refusal) {
        if (Overdue.NEVER_OVERDUE.contains(state)) {
            throw refused(refusal + " on a task in state " + state + ": claimed or closed out, its deadline no longer"
                    + " runs against the unit", kind, state);
        }
    }

    /**
     * Evidence is what the close-out (销号) is verified against: fixed while a claim waits on the
     * supervisor (COMPLETION_CLAIMED: the material verified must be what was claimed with) and once
     * VERIFIED, so nothing is added to it, no file attached or replaced and no entry removed; the owners
     * withdraw their claim (撤回销号申请) to change it, and a look-back's reopening opens it again.
     */
    public static boolean acceptsEvidence(TaskState state) {
        return state != TaskState.VERIFIED && state != TaskState.COMPLETION_CLAIMED;
    }

    /** A 409 unless the task's evidence may change; a claimed task's says to withdraw the claim first. */
    public static void requireEvidenceOpen(TaskKind kind, TaskState state) {
        if (state == TaskState.COMPLETION_CLAIMED) {
            throw refused("the evidence of a task claimed complete (待核验) is what the supervisor verifies; a task in state "
                    + state + " takes no new evidence or file: withdraw the claim (撤回销号申请) first", kind, state);
        }
        if (!acceptsEvidence(state)) {
            throw refused("the evidence of a closed-out (销号) task is fixed; a task in state " + state
                    + " takes no new evidence or file", kind, state);
        }
    }

    private static ApiException refused(String detail, TaskKind kind, TaskState state) {
        return ApiException.conflict(detail).with("state", state).with("kind", kind)
                .with("allowedTransitions", allowed(kind, state));
    }
}
