package io.rectification.platform.events;

import io.rectification.platform.error.Causes;

/**
 * Asked first in every transaction that applies events ({@link ConsumedEvents}), before the consumed
 * event is recorded or anything else written. A service whose read models one instance can replace
 * under the consumers of the others (reporting-service's rebuild: it pauses only its own consumers,
 * while another instance's go on with their partitions) closes it meanwhile, so that no instance
 * writes into the tables about to be dropped; what was written there would be lost with them, past
 * the end the replay read to and behind that consumer's committed offset. A service with no gate
 * bean applies as before.
 *
 * <p>A refusal ({@link Closed}) is not the event's fault: {@link EventConsumers} commits nothing of
 * the poll and reads it again after the pause, as when the database is away; it is never dead-lettered.
 */
public interface ApplyGate {

    /** In the applying transaction: returns when events may be applied now, throws {@link Closed} otherwise. */
    void enter();

    /** Events cannot be applied for the moment; the poll is read again later. */
    final class Closed extends RuntimeException {

        public Closed(String message) {
            super(message, null, false, false);
        }

        /** Whether {@code failure}, or any of its causes, is a closed gate. */
        public static boolean causedBy(Throwable failure) {
            return Causes.of(failure).stream().anyMatch(Closed.class::isInstance);
        }
    }
}
