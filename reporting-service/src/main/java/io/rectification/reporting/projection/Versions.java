package io.rectification.reporting.projection;

import io.rectification.platform.events.EventEnvelope;

/** The aggregate version an event carries: the envelope's, else the snapshot's own {@code version}. */
final class Versions {

    private Versions() {
    }

    static long of(EventEnvelope event, Long snapshotVersion) {
        if (event.aggregateversion() != null) {
            return event.aggregateversion();
        }
        return snapshotVersion == null ? 0L : snapshotVersion;
    }
}
