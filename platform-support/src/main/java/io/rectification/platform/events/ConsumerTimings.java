package io.rectification.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How old a consumer's events are when its poll returns them and when the transaction that applied
 * them has committed ({@code rectification_consumer_event_age_seconds{consumer,stage}}), from the
 * record's timestamp, which the relay set when it sent it. The difference is the consumer's own
 * share of the way to visible; the relay's share is {@link OutboxRelay}'s publish age.
 */
final class ConsumerTimings {

    enum Stage {
        RECEIVED,
        APPLIED
    }

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    ConsumerTimings(MeterRegistry meters, String consumerName) {
        for (Stage stage : Stage.values()) {
            timers.put(stage, EventAge.timer(meters, "rectification.consumer.event.age",
                    "Time from an event's record timestamp (sent by the relay) to its being received or applied here",
                    "consumer", consumerName, "stage", stage.name().toLowerCase(Locale.ROOT)));
        }
    }

    void record(Stage stage, ConsumerRecords<?, ?> records) {
        long now = System.currentTimeMillis();
        Timer timer = timers.get(stage);
        for (ConsumerRecord<?, ?> record : records) {
            EventAge.record(timer, record.timestamp(), now);
        }
    }
}
