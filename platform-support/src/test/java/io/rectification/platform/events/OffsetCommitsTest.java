package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which positions a consumer commits, and when; the clock is pinned and moved by hand. */
@Tag("fast")
class OffsetCommitsTest {

    private static final TopicPartition PARTITION = new TopicPartition("rectification.tasks.v1", 0);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private MockConsumer<String, byte[]> consumer;
    private OffsetCommits commits;

    @BeforeEach
    void consumer() {
        consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        commits = new OffsetCommits(consumer, "test", now::get);
    }

    @Test
    void anAppliedPollIsCommittedWhenTheNextPollFindsNothing() {
        pollAndApply(0, 1);
        commits.afterPoll(false);
        assertNull(committed(), "a busy consumer does not commit within the interval");

        commits.afterPoll(true);
        assertEquals(2L, committed());
    }

    @Test
    void aBusyConsumerCommitsOnceTheIntervalHasPassed() {
        pollAndApply(0);
        commits.afterPoll(false);
        now.addAndGet(OffsetCommits.INTERVAL.toNanos() - 1);
        pollAndApply(1);
        commits.afterPoll(false);
        assertNull(committed());

        now.addAndGet(1);
        pollAndApply(2);
        commits.afterPoll(false);
        assertEquals(3L, committed());
    }

    @Test
    void handingOverPartitionsCommitsWhatWasAppliedAndNothingOfAPollNotApplied() {
        pollAndApply(0);
        commits.onPartitionsRevoked(List.of(PARTITION));
        assertEquals(1L, committed());

        consumer.addRecord(record(1));
        consumer.poll(Duration.ZERO);
        commits.applying(); // and applying it fails: the consumer is closed, which revokes
        commits.onPartitionsRevoked(List.of(PARTITION));
        commits.afterPoll(true);
        assertEquals(1L, committed(), "the failed poll's record must be read again");
    }

    @Test
    void nothingAppliedNothingCommitted() {
        commits.afterPoll(true);
        commits.onPartitionsRevoked(List.of(PARTITION));
        assertNull(committed());
    }

    private void pollAndApply(long... offsets) {
        for (long offset : offsets) {
            consumer.addRecord(record(offset));
        }
        consumer.poll(Duration.ZERO);
        commits.applying();
        commits.applied();
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "key", new byte[]{'{', '}'});
    }

    private Long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return offset == null ? null : offset.offset();
    }
}
