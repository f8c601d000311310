package io.rectification.tasks.task;

/** An indicator's target: an absolute value, or a change relative to the baseline in percent. */
public enum TargetKind {
    ABSOLUTE, RELATIVE_PERCENT
}
