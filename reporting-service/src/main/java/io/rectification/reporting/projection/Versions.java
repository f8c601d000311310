package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.events.EventEnvelope;

/** The aggregate version an event carries: the envelope's, else the snapshot's own {@code version}. */
final class Versions {

    private Versions() {
    }

    static long of(EventEnvelope event, JsonNode snapshot) {
        if (event.aggregateversion() != null) {
            return event.aggregateversion();
        }
        JsonNode version = snapshot == null ? null : snapshot.get("version");
        return version != null && version.canConvertToLong() ? version.asLong() : 0L;
    }
}
