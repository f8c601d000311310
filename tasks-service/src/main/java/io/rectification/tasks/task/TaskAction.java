package io.rectification.tasks.task;

/** What can be done to a task's state; the names appear in {@code allowedTransitions}. */
public enum TaskAction {
    START, CLAIM_COMPLETION, REJECT_COMPLETION, VERIFY, CONSOLIDATE, LOOK_BACK_CONFIRM, REOPEN
}
