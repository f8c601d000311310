package io.rectification.tasks.task;

/** Whether an indicator improves by going up or down. */
public enum Direction {
    INCREASE, DECREASE
}
