package io.rectification.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka. Several instances may: one relays at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** The longest the relay sleeps without a NOTIFY; a safety net, the NOTIFY on commit is the normal wake-up. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** Published rows are kept this long (for inspection), then deleted; Kafka keeps the events for good. */
    @WithDefault("P7D")
    Duration publishedRetention();

    /**
     * The longest wait between attempts while Kafka or PostgreSQL does not answer (the first is
     * 100 ms, doubling): bounds how long after an outage ends the relay publishes again.
     */
    @WithDefault("2s")
    Duration maxBackoff();

    /**
     * The longest the relay waits for one answer from PostgreSQL before it takes its connection for
     * dead and opens another ({@link OwnConnection}): a database that vanished without closing the
     * connection would otherwise hold the outbox unrelayed until TCP gave up, a quarter of an hour.
     * Whole seconds; far above any statement of the relay's.
     */
    @WithDefault("30s")
    Duration answerTimeout();
}
