package io.rectification.platform.events;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Set;

/**
 * Which messages a handler reads ({@link EventHandler#reads()}), told by the {@code ce_type}
 * header alone, before the message is parsed. A message without the header is read (the reader
 * finds its type, or dead-letters it); so is every message when the handler names no records.
 */
final class EventInterest {

    private final Set<Class<? extends EventData>> reads;

    EventInterest(Set<Class<? extends EventData>> reads) {
        this.reads = Set.copyOf(reads);
    }

    boolean wants(ConsumerRecord<?, ?> record) {
        if (reads.isEmpty()) {
            return true;
        }
        String type = CloudEventHeaders.value(record.headers(), "ce_type");
        if (type == null) {
            return true;
        }
        return EventContract.recordOf(type)
                .map(known -> reads.stream().anyMatch(wanted -> wanted.isAssignableFrom(known)))
                .orElse(false);
    }
}
