package io.rectification.platform.events;

import java.time.Duration;

/**
 * The wait between attempts while PostgreSQL or Kafka does not answer: short at first, doubling,
 * never longer than the maximum, so work resumes soon after the outage ends. Not thread-safe:
 * one per retrying thread.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the maximum. */
    public Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** After a success: the next failure waits the first wait again. */
    public void reset() {
        next = first;
    }
}
