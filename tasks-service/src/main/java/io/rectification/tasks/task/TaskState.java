package io.rectification.tasks.task;

/**
 * Where a rectification task is in its lifecycle; {@link TaskLifecycle} owns the moves between them.
 * VERIFIED is the close-out (销号); CONSOLIDATING is a verified LONG_TERM task whose stage goals are
 * met and whose results are being consolidated; REOPENED is a close-out that a look-back review
 * found had regressed (再整改).
 */
public enum TaskState {
    PLANNED, IN_PROGRESS, COMPLETION_CLAIMED, VERIFIED, CONSOLIDATING, REOPENED
}
