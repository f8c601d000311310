package io.rectification.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.jdbc.ArrayParameters;
import io.rectification.platform.transaction.TransactionEnds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka on a thread of its own.
 *
 * <p>A commit in this process that wrote events wakes it in process, at once ({@link #wakeUpHere}); a
 * commit of another instance by its NOTIFY on the outbox channel, heard on a connection of its own
 * ({@link ChannelListener}; this process's own notifications are passed over: they are for the other
 * instances); the poll interval is only a safety net. Each batch runs in one transaction: a
 * transaction-scoped advisory lock makes one instance relay at a time (so one aggregate's events keep
 * their order across instances), rows are taken {@code FOR UPDATE SKIP LOCKED}, sent, and marked published only once Kafka has
 * acknowledged them. With Kafka down the batch rolls back, the relay backs off and the API,
 * which never waits on Kafka, keeps working. Delivery is at least once; consumers deduplicate on
 * the event id. Each record carries the CloudEvents Kafka binding headers ({@link CloudEventHeaders})
 * and the W3C {@code traceparent} of its PRODUCER span ({@link EventTracing}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    /** Arbitrary, fixed: the advisory lock that elects the relaying instance. */
    private static final long RELAY_LOCK = 0x5245_4354_4946_5901L;
    /** Published rows deleted per statement, once their retention has passed. */
    static final int CLEANUP_PART = 10_000;
    /** The relays running in this process: woken in process by a commit here ({@link #wakeUpHere}). */
    private static final Set<OutboxRelay> RUNNING_HERE = ConcurrentHashMap.newKeySet();
    /** The key of a transaction's resource: its commit will wake the relays here. */
    private static final Object WOKEN_AFTER_COMMIT = new Object();

    private final OutboxConfig config;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final String bootstrapServers;
    private final String clientId;
    private final EventTracing tracing;
    private final AtomicLong published = new AtomicLong();
    /** From the moment an event was written to Kafka's acknowledgement: the relay's share of the way to visible. */
    private final Timer publishAge;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile ChannelListener otherInstances;
    /** A permit when there may be events to publish; the relay waits for one between batches. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile String lastError;
    private Instant nextCleanup = Instant.EPOCH;

    /** Without tracing (a relay run alone, as in its test). */
    public OutboxRelay(OutboxConfig config, String jdbcUrl, String username, Optional<String> password,
                       String bootstrapServers, String applicationName) {
        this(config, jdbcUrl, username, password, bootstrapServers, applicationName, EventTracing.off(),
                new SimpleMeterRegistry());
    }

    @Inject
    public OutboxRelay(OutboxConfig config,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") String username,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       EventTracing tracing, MeterRegistry meters) {
        this.tracing = tracing;
        this.publishAge = EventAge.timer(meters, "rectification.outbox.publish.age",
                "Time from the moment an event was written to Kafka's acknowledgement of it");
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox-relay";
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        RUNNING_HERE.add(this);
        otherInstances = new ChannelListener(Outbox.CHANNEL, clientId + "-listener", jdbcUrl, username, password,
                new OtherInstancesCommits());
        otherInstances.start();
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        RUNNING_HERE.remove(this);
        if (otherInstances != null) {
            otherInstances.stop();
            otherInstances = null;
        }
        wakeUp(); // out of its wait at once
        Thread current = thread;
        if (current != null) {
            // No interrupt: it would break the Kafka producer's close. Woken above, the loop ends after its batch.
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    /**
     * Wakes the relays running in this process: a transaction here that wrote events has committed
     * ({@link Outbox}, {@link OutboxWakeUp}). In process, because the NOTIFY's way back through
     * PostgreSQL and a listening connection took 2 ms at the median and up to 7 of a progress report's
     * way to visible (docs/benchmarks.md, 2026-12-07).
     */
    public static void wakeUpHere() {
        RUNNING_HERE.forEach(OutboxRelay::wakeUp);
    }

    /** Wakes the relays running in this process once the current transaction has committed (once however often asked). */
    static void wakeUpHereAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (TransactionEnds.firstTimeIn(transactions, WOKEN_AFTER_COMMIT)) {
            TransactionEnds.afterCommit(transactions, OutboxRelay::wakeUpHere);
        }
    }

    private void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Another instance's commits: their NOTIFY (this process's own woke its relays already). */
    private final class OtherInstancesCommits implements ChannelListener.Receiver {
        @Override
        public void listening() {
            wakeUp(); // anything committed while not listening
        }

        @Override
        public void notified(String payload) {
            if (!Outbox.FROM_HERE.equals(payload)) {
                wakeUp();
            }
        }

        @Override
        public void deaf() {
            // the poll interval stands in until it listens again
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Events this instance has published since start. */
    public long publishedCount() {
        return published.get();
    }

    /** The last failure, cleared once a batch succeeds; null when all is well. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        Backoff backoff = new Backoff(FIRST_BACKOFF, config.maxBackoff());
        try (Producer<String, String> producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, clientId))) {
            while (running) {
                try (Connection connection = connect()) {
                    backoff.reset();
                    relayUntilStopped(connection, producer);
                } catch (SQLException | RuntimeException e) {
                    lastError = e.getMessage();
                    if (!running) {
                        break;
                    }
                    Duration wait = backoff.next();
                    LOG.warnf("outbox relay: %s; retrying in %d ms", e.getMessage(), wait.toMillis());
                    sleep(wait);
                }
            }
        }
    }

    private void relayUntilStopped(Connection connection, Producer<String, String> producer) throws SQLException {
        while (running) {
            int sent;
            do {
                sent = relayBatch(connection, producer);
            } while (sent == config.batchSize() && running);
            lastError = null;
            cleanupPublished(connection);
            awaitWakeUp();
        }
    }

    /** Until a commit here or elsewhere wrote events, or the poll interval has passed. */
    private void awaitWakeUp() {
        try {
            if (wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits(); // those that came meanwhile: the next batch takes their events too
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes one batch in one transaction; returns how many events it published. */
    int relayBatch(Connection connection, Producer<String, String> producer) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (!tryRelayLock(connection)) {
                connection.rollback();
                return 0;
            }
            List<String> ids = new ArrayList<>();
            List<Long> written = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id::text, topic, aggregate_id, event_type, envelope::text, envelope->>'specversion',
                           envelope->>'source', envelope->>'time', envelope->>'traceparent',
                           (extract(epoch FROM created_at) * 1000)::int8
                    FROM outbox_event
                    WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setInt(1, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        String key = rows.getString(3);
                        Headers headers = CloudEventHeaders.of(rows.getString(6), id, rows.getString(7),
                                rows.getString(4), key, rows.getString(8));
                        Span span = tracing.publishing(rows.getString(2), id, rows.getString(4), rows.getString(9), headers);
                        ProducerRecord<String, String> record = new ProducerRecord<>(rows.getString(2), null, key,
                                rows.getString(5), headers);
                        ids.add(id);
                        written.add(rows.getLong(10));
                        Future<RecordMetadata> ack = producer.send(record, (metadata, failure) -> {
                            if (failure != null) {
                                span.recordException(failure);
                                span.setStatus(StatusCode.ERROR);
                            }
                            span.end();
                        });
                        acks.add(ack);
                        if (ack.isDone()) {
                            // Already failed (e.g. no metadata within max.block.ms): give up the batch
                            // now rather than block once more for every remaining row.
                            awaitAcknowledged(producer, List.of(ack));
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                connection.rollback();
                return 0;
            }
            awaitAcknowledged(producer, acks);
            recordPublishAges(written);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox_event SET published_at = now() WHERE id = ANY (CAST(? AS uuid[]))")) {
                ArrayParameters.text(mark, 1, ids);
                mark.executeUpdate();
            }
            connection.commit();
            published.addAndGet(ids.size());
            return ids.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The ages from the rows' {@code created_at} (the moment each was written, the database's
     * clock): a number, where the envelope's time would be text to parse for every event (a share
     * of the intake's CPU that showed in its profile), and the real time even where a test pins the
     * services' clock.
     */
    private void recordPublishAges(List<Long> writtenMillis) {
        long now = System.currentTimeMillis();
        for (long written : writtenMillis) {
            EventAge.record(publishAge, written, now);
        }
    }

    private boolean tryRelayLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private void awaitAcknowledged(Producer<String, String> producer, List<Future<RecordMetadata>> acks) {
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new RelayFailure("Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new RelayFailure("Kafka did not acknowledge within 15 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayFailure("interrupted while waiting for Kafka", e);
            }
        }
    }

    private void cleanupPublished(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofHours(1));
        // In parts, oldest first, each a short statement: an hour of a busy intake is millions of rows,
        // more than one statement may take within the answer timeout.
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM outbox_event WHERE seq IN (
                    SELECT seq FROM outbox_event WHERE published_at < now() - CAST(? AS interval)
                    ORDER BY seq LIMIT ?)""")) {
            delete.setString(1, config.publishedRetention().toSeconds() + " seconds");
            delete.setInt(2, CLEANUP_PART);
            while (running && delete.executeUpdate() == CLEANUP_PART) {
                // the next part
            }
        }
    }

    private Connection connect() throws SQLException {
        // Marking rows published need not wait for the WAL flush: a mark lost in a crash only
        // publishes those events again, which delivery at least once allows (consumers deduplicate).
        // A batch's transaction is idle only while Kafka acknowledges (the producer's delivery timeout,
        // 10 s); one whose connection was lost mid-batch without the server knowing (a firewall that
        // forgot it) would otherwise hold the relay's lock, and every instance's relay with it, until
        // the server's TCP keepalive gave up, hours later: it is ended after twice the longest idle a
        // batch has (15 s, the wait for the acknowledgements), and the relays go on.
        return OwnConnection.open(jdbcUrl, username, password, clientId, OwnConnection.answerWithin(config.answerTimeout(),
                Map.of("options", "-c synchronous_commit=off -c idle_in_transaction_session_timeout=30s")));
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A batch Kafka did not take; the batch is rolled back and retried. */
    static final class RelayFailure extends RuntimeException {
        RelayFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
