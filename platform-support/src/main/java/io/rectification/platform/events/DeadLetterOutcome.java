package io.rectification.platform.events;

/** The two ways an operator resolves a dead letter ({@link DeadLetterResolution}). */
public enum DeadLetterOutcome {
    REPLAYED,
    DISMISSED
}
