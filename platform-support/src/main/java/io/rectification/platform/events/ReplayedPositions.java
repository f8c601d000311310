package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a committed replay (a rebuild) left a live consumer's partitions. The events below these
 * positions were applied by the replay and recorded as consumed; a live consumer standing behind
 * them (a service that was down while they were written, then rebuilt) would read every one again
 * only to pass over it (6.2 s at 200,000 events, measured), while the events written since
 * waited behind them. It moves forward to these positions instead, on its own thread (a Kafka
 * consumer is not thread-safe), between polls. A partition assigned to another instance keeps its
 * mark until it comes here; that instance passes over the replayed events one by one, as before.
 */
final class ReplayedPositions {

    private final Map<TopicPartition, Long> replayedUpTo = new ConcurrentHashMap<>();

    /** After a replay has committed: the position after its last event, per partition. */
    void replayed(Map<TopicPartition, Long> ends) {
        ends.forEach((partition, end) -> replayedUpTo.merge(partition, end, Math::max));
    }

    /**
     * On the consumer's thread, between polls: seeks each assigned partition that stands before its
     * mark to the mark, and forgets the marks of the assigned partitions. Returns the partitions moved.
     */
    Map<TopicPartition, Long> moveOn(Consumer<?, ?> consumer) {
        if (replayedUpTo.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> moved = new LinkedHashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            Long end = replayedUpTo.remove(partition);
            if (end != null && consumer.position(partition) < end) {
                consumer.seek(partition, end);
                moved.put(partition, end);
            }
        }
        return moved;
    }
}
