package io.rectification.tasks.task;

/** 回头看: the close-out holds, or the task is rectified again (再整改). */
public enum ReviewOutcome {
    CONFIRMED, REOPENED
}
