package io.rectification.platform.events;

import java.time.Instant;

/**
 * Where a consumer stands still: a message it could neither apply nor record as a dead letter
 * (typically PostgreSQL away). It reads the message again after a pause; until then it is not ready.
 */
public record ConsumerHalt(String consumer, String topic, int partition, long offset, String reason, Instant since) {

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
