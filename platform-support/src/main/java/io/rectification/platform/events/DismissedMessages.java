package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of one consumer whose dead letters an operator dismissed ({@link DeadLetterResolutions#dismiss}):
 * read again, by a rebuild's replay ({@link EventReplay}) or by the live consumer after its group's
 * offsets were reset ({@link EventConsumers}), each is passed over, neither applied nor recorded
 * again, even when it would apply now. The operator said it must never be.
 *
 * <p>A message is known by its position, topic, partition and offset, as its dead letter recorded
 * it (and only for the consumer that recorded it): those are the very bytes the operator looked at,
 * and an unreadable message has no event id at all. The same event sent again at another offset
 * (a relay's second delivery) is another message, treated as any other: applied once, or a dead
 * letter of its own for the operator to see.
 *
 * <p>Held in memory, so that checking costs a consumer next to nothing and no query: a record costs
 * one emptiness check while there is no dismissal (the usual case), one hash look-up when there are
 * some. A dismissal is final, so the set only grows.
 */
final class DismissedMessages {

    private record Position(String topic, int partition, long offset) {
    }

    private final Set<Position> positions = ConcurrentHashMap.newKeySet();

    /** The message at this position is dismissed. */
    void add(String topic, int partition, long offset) {
        positions.add(new Position(topic, partition, offset));
    }

    /** Adds what {@code others} holds (the consumer's dismissals as loaded again). */
    void addAll(DismissedMessages others) {
        positions.addAll(others.positions);
    }

    /** Whether the record is a dismissed message, to be passed over. */
    boolean passesOver(ConsumerRecord<?, ?> record) {
        return !positions.isEmpty() && positions.contains(new Position(record.topic(), record.partition(), record.offset()));
    }
}
