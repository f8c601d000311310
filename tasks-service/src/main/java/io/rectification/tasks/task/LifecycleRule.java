package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;

/**
 * What a command needs of its task's state, checked last by {@link TaskGuard#load}: a refusal is a
 * 409 problem saying the state and what it allows.
 */
@FunctionalInterface
public interface LifecycleRule {

    /** Changes that any state takes (a coordinator editing the plan). */
    LifecycleRule ANY_STATE = task -> { };

    /** Progress reports: only while the task is being worked on. */
    LifecycleRule OPEN_FOR_WORK = task -> TaskLifecycle.requireOpenForWork(task.kind, task.state, "progress cannot be reported");

    /** Evidence and its files: fixed while a claim waits on the supervisor and once the task is closed out (销号). */
    LifecycleRule EVIDENCE_OPEN = task -> TaskLifecycle.requireEvidenceOpen(task.kind, task.state);

    /**
     * A deadline extension request (延期申请): only while the deadline still runs against the unit, neither
     * claimed (the unit says the work is done) nor closed out.
     */
    LifecycleRule DEADLINE_RUNS = task -> TaskLifecycle.requireDeadlineRuns(task.kind, task.state,
            "a later deadline cannot be requested");

    /**
     * Cancelling (撤销) what was entered by mistake: not a task closed out (VERIFIED, CONSOLIDATING), whose
     * close-out is counted; a wrong close-out is reopened by a look-back review (回头看) first.
     */
    LifecycleRule CANCELLABLE = task -> {
        if (TaskLifecycle.isClosed(task.state)) {
            throw ApiException.conflict("a task closed out (销号, state " + task.state + ") is counted and is not cancelled;"
                    + " a close-out found wrong is reopened by a look-back review (回头看) first").with("state", task.state);
        }
    };

    /** @throws io.rectification.platform.error.ApiException 409 when the task's state does not allow the command */
    void check(RectificationTask task);

    /** A lifecycle move: the table must hold {@code action} from the task's state. */
    static LifecycleRule allows(TaskAction action) {
        return task -> TaskLifecycle.next(task.kind, task.state, action);
    }
}
