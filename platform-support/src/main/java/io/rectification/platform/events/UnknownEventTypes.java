package io.rectification.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rectification.platform.contract.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The events of one consumer whose type this build does not know ({@link EventContract#recordOf}):
 * a newer producer's, or a stray one. Passing over them is what the catalogue promises; passing
 * over them unseen is not. Each is counted ({@code rectification_consumer_unknown_events_total})
 * and each type is logged once, at WARN, with where it lay; never the body, which may hold text
 * staff or the public wrote.
 *
 * <p>Used by the consumer's one thread only. A batch that fails is applied again in halves, and a
 * record read again that way (or after a rebalance) is not counted twice: per partition only
 * records past the last one noted count.
 */
final class UnknownEventTypes {

    /**
     * Types logged by name per consumer, at most: a producer inventing a name per message must
     * neither flood the log nor grow this set without end. Past it they are still counted.
     */
    static final int MAX_LOGGED = 100;

    private static final Logger LOG = Logger.getLogger(UnknownEventTypes.class);

    private final String consumer;
    private final Counter passedOver;
    private final Set<String> logged = new HashSet<>();
    private final Map<TopicPartition, Long> lastNoted = new HashMap<>();
    private boolean tooMany;

    UnknownEventTypes(MeterRegistry meters, String consumer) {
        this.consumer = consumer;
        this.passedOver = Counter.builder("rectification.consumer.unknown.events")
                .description("Events of a type this build does not know, passed over by this consumer since the start")
                .tag("consumer", consumer).register(meters);
    }

    /** Counts, and logs if its type is new here, a record of type {@code type} when this build does not know it. */
    void noteIfUnknown(ConsumerRecord<?, ?> record, String type) {
        if (type == null || EventContract.recordOf(type).isPresent()) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long last = lastNoted.get(partition);
        if (last != null && record.offset() <= last) {
            return;
        }
        lastNoted.put(partition, record.offset());
        passedOver.increment();
        String shown = shown(type);
        if (logged.contains(shown)) {
            return;
        }
        if (logged.size() >= MAX_LOGGED) {
            if (!tooMany) {
                tooMany = true;
                LOG.warnf("consumer %s: more than %d unknown event types; further ones are counted but no longer named",
                        consumer, MAX_LOGGED);
            }
            return;
        }
        logged.add(shown);
        LOG.warnf("consumer %s passed over an event of type \"%s\", which this build does not know, at %s-%d@%d "
                        + "(logged once per type; all are counted in rectification_consumer_unknown_events_total)",
                consumer, shown, record.topic(), record.partition(), record.offset());
    }

    /** The type as a log line may carry it: no line breaks or control characters, of bounded length. */
    private static String shown(String type) {
        return DeadLetters.storable(type, EventReader.MAX_NAME).replaceAll("[\\t\\n\\r]", " ");
    }
}
