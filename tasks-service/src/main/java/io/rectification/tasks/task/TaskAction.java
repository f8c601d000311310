package io.rectification.tasks.task;

/**
 * What can be done to a task's state; the names appear in {@code allowedTransitions}, in this order.
 * WITHDRAW_CLAIM is the owner taking back a claim not yet decided (撤回销号申请).
 */
public enum TaskAction {
    START, CLAIM_COMPLETION, REJECT_COMPLETION, VERIFY, CONSOLIDATE, LOOK_BACK_CONFIRM, REOPEN, WITHDRAW_CLAIM
}
