package io.rectification.platform.events;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class ConsumerTimingsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void recordsEachEventsAgeFromItsRecordTimestampPerStage() {
        ConsumerTimings timings = new ConsumerTimings(meters, "reporting-service-tasks");
        long now = System.currentTimeMillis();
        timings.record(ConsumerTimings.Stage.RECEIVED, records(now - 3_000, now - 1_000));

        Timer received = timer("received");
        assertEquals(2, received.count());
        // 3 s and 1 s old when recorded (a little more, as time has passed since).
        assertTrue(received.totalTime(TimeUnit.MILLISECONDS) >= 4_000, "total " + received.totalTime(TimeUnit.MILLISECONDS));
        assertTrue(received.max(TimeUnit.MILLISECONDS) >= 3_000 && received.max(TimeUnit.MILLISECONDS) < 60_000);
        assertEquals(0, timer("applied").count(), "the other stage is untouched");
    }

    @Test
    void aRecordFromAClockAheadCountsAsNoDelayNotANegativeOne() {
        ConsumerTimings timings = new ConsumerTimings(meters, "tasks-service-feedback");
        timings.record(ConsumerTimings.Stage.APPLIED, records(System.currentTimeMillis() + 60_000));

        Timer applied = meters.get("rectification.consumer.event.age")
                .tags("consumer", "tasks-service-feedback", "stage", "applied").timer();
        assertEquals(1, applied.count());
        assertEquals(0, applied.totalTime(TimeUnit.MILLISECONDS));
    }

    private Timer timer(String stage) {
        return meters.get("rectification.consumer.event.age").tags("consumer", "reporting-service-tasks", "stage", stage).timer();
    }

    private static ConsumerRecords<String, byte[]> records(long... timestamps) {
        TopicPartition partition = new TopicPartition("rectification.tasks.v1", 0);
        List<ConsumerRecord<String, byte[]>> list = new java.util.ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            list.add(new ConsumerRecord<>(partition.topic(), 0, i, timestamps[i], TimestampType.CREATE_TIME, 0, 0,
                    "key", new byte[0], new RecordHeaders(), Optional.empty()));
        }
        return new ConsumerRecords<>(Map.of(partition, list), Map.of());
    }
}
