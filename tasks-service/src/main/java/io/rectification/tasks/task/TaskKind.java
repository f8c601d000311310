package io.rectification.tasks.task;

/** 立行立改 / 限期整改 / 长期坚持 (LONG_TERM needs stage goals). */
public enum TaskKind {
    IMMEDIATE, TIME_BOUND, LONG_TERM
}
