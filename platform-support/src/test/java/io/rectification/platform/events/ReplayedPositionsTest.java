package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live consumer behind a committed replay moves forward to where the replay ended, never back. */
@Tag("fast")
class ReplayedPositionsTest {

    private static final TopicPartition P0 = new TopicPartition("rectification.tasks.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("rectification.tasks.v1", 1);
    private static final TopicPartition P2 = new TopicPartition("rectification.tasks.v1", 2);

    private final ReplayedPositions replayed = new ReplayedPositions();
    private MockConsumer<String, byte[]> consumer;

    @BeforeEach
    void consumer() {
        consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L, P2, 0L));
        consumer.seek(P0, 10);
        consumer.seek(P1, 900);
    }

    @Test
    void aPartitionBehindTheReplayMovesToItsEndAndOneAheadStays() {
        replayed.replayed(Map.of(P0, 500L, P1, 500L));

        assertEquals(Map.of(P0, 500L), replayed.moveOn(consumer));
        assertEquals(500L, consumer.position(P0));
        assertEquals(900L, consumer.position(P1), "never back: the consumer has applied beyond the replay");

        consumer.seek(P0, 20);
        assertTrue(replayed.moveOn(consumer).isEmpty(), "a mark is used once");
        assertEquals(20L, consumer.position(P0));
    }

    @Test
    void aPartitionAssignedElsewhereKeepsItsMarkUntilItComesHere() {
        replayed.replayed(Map.of(P2, 300L));
        assertTrue(replayed.moveOn(consumer).isEmpty());

        consumer.assign(List.of(P0, P1, P2));
        consumer.seek(P2, 0);
        assertEquals(Map.of(P2, 300L), replayed.moveOn(consumer));
        assertEquals(300L, consumer.position(P2));
    }

    @Test
    void ofTwoReplaysTheLaterEndCounts() {
        replayed.replayed(Map.of(P0, 700L));
        replayed.replayed(Map.of(P0, 400L));

        assertEquals(Map.of(P0, 700L), replayed.moveOn(consumer));
    }

    @Test
    void withoutAReplayNothingMoves() {
        assertTrue(replayed.moveOn(consumer).isEmpty());
        assertEquals(10L, consumer.position(P0));
        assertEquals(900L, consumer.position(P1));
    }
}
