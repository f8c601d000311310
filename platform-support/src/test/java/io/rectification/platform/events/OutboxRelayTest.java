package io.rectification.platform.events;

import io.rectification.platform.testing.HandTransactions;
import io.rectification.platform.testing.RealServices;
import io.rectification.platform.testing.SilentProxy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay against real PostgreSQL and a real Kafka broker: with Kafka unreachable nothing is
 * lost and nothing is marked published; once Kafka answers, every event arrives exactly once and
 * one aggregate's events keep their order, even with two relays running at once; every record
 * carries the CloudEvents Kafka binding's headers.
 */
class OutboxRelayTest {

    private static Map<String, String> services;
    private static String topic;
    /** Another topic for the publish age's event, so the first test reads only its own. */
    private static String ageTopic;

    @BeforeAll
    static void schema() throws Exception {
        services = RealServices.startedOn("platform_test");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS outbox_event, consumed_event, dead_letter");
            statement.execute(Files.readString(Path.of("src/main/resources/db/platform/V0_1__platform_events.sql")));
        }
        topic = "platform.relay-test." + UUID.randomUUID();
        ageTopic = "platform.relay-age-test." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(ageTopic, 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void dropTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.deleteTopics(List.of(topic, ageTopic)).all().get();
        }
    }

    @Test
    void eventsWrittenWhileKafkaIsUnreachableArePublishedExactlyOnceLater() throws Exception {
        // A relay whose broker does not answer (nothing listens on port 1).
        OutboxRelay cutOff = relay("127.0.0.1:1", "cut-off");
        cutOff.start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(insertEvent("aggregate-" + (i % 3), i));
        }
        waitUntil(() -> cutOff.lastError() != null, Duration.ofSeconds(30), "the cut-off relay to report a failure");
        cutOff.stop();
        assertEquals(ids.size(), unpublishedCount(), "nothing may be marked published while Kafka is unreachable");

        // Kafka back: two relays at once, as two service instances would run.
        OutboxRelay first = relay(bootstrap(), "first");
        OutboxRelay second = relay(bootstrap(), "second");
        first.start();
        second.start();
        try {
            waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(60), "the outbox to drain");
        } finally {
            first.stop();
            second.stop();
        }
        assertEquals(ids.size(), first.publishedCount() + second.publishedCount(), "each event relayed once");

        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Integer>> orderByAggregate = new HashMap<>();
        for (ConsumerRecord<String, String> record : readAll(ids.size())) {
            EventEnvelope event = io.rectification.platform.testing.EventProbe.parse(record.value());
            assertNotNull(event, "every message is a readable envelope");
            assertEquals(event.subject(), record.key(), "keyed by aggregate id");
            assertCloudEventsBinding(record, event);
            seen.merge(event.id(), 1, Integer::sum);
            orderByAggregate.computeIfAbsent(event.subject(), k -> new ArrayList<>())
                    .add(event.aggregateversion().intValue());
        }
        assertEquals(ids.size(), seen.size(), "every event arrived");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "no event arrived twice: " + seen);
        orderByAggregate.forEach((aggregate, versions) -> {
            List<Integer> sorted = new ArrayList<>(versions);
            sorted.sort(null);
            assertEquals(sorted, versions, "events of " + aggregate + " in commit order");
        });
    }

    /**
     * The publish age counts from the transaction that wrote the event (the row's created_at), not
     * from the envelope's time, which a pinned clock (or another machine's) may set anywhere: here
     * an event written an hour ago whose envelope says January.
     */
    @Test
    void publishAgeCountsFromTheTransactionThatWroteTheEvent() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope, created_at)
                VALUES (CAST(? AS uuid), ?, 'Thing', 'aged', 'SomethingHappened', CAST(? AS jsonb),
                        now() - interval '1 hour')""")) {
            insert.setString(1, id);
            insert.setString(2, ageTopic);
            insert.setString(3, """
                    {"specversion":"1.0","id":"%s","source":"/relay-test","type":"SomethingHappened",
                     "subject":"aged","time":"2026-01-01T00:00:00Z","data":{}}""".formatted(id));
            insert.executeUpdate();
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(config(), jdbcUrl(), services.get("quarkus.datasource.username"),
                Optional.of(services.get("quarkus.datasource.password")), bootstrap(), "relay-test-age",
                EventTracing.off(), meters);
        relay.start();
        try {
            waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(60), "the aged event to be published");
        } finally {
            relay.stop();
        }
        Timer age = meters.get("rectification.outbox.publish.age").timer();
        assertEquals(1, age.count());
        double seconds = age.max(TimeUnit.SECONDS);
        assertTrue(seconds >= 3600 && seconds < 3600 + 600, "an hour and the moments since, not since January: " + seconds);
    }

    /**
     * The database vanishes without closing the relay's connection (a node lost in a failover): the
     * relay's next statement gets no answer. It takes the connection for dead after the answer timeout
     * and relays over a new one; before, it waited for TCP to give up, a quarter of an hour with the
     * outbox unrelayed.
     */
    @Test
    void aConnectionFallenSilentIsReplacedAndTheOutboxRelayedOverTheNext() throws Exception {
        try (SilentProxy proxy = SilentProxy.before(jdbcUrl())) {
            OutboxRelay relay = new OutboxRelay(config(Duration.ofSeconds(2)), proxy.through(jdbcUrl()),
                    services.get("quarkus.datasource.username"), Optional.of(services.get("quarkus.datasource.password")),
                    bootstrap(), "relay-test-silent");
            relay.start();
            try {
                insertEvent(ageTopic, "silenced", 1);
                waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(60), "the first event to be published");

                // the relay's connection and its listener's (another instance's commits) both go through the proxy;
                // one silenced within a batch holds the relay's lock until the server ends it (30 s idle)
                int before = proxy.accepted();
                proxy.silenceOpenConnections();
                insertEvent(ageTopic, "silenced", 2);
                waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(60),
                        "the event written after the silence to be published over a new connection");
                assertTrue(proxy.accepted() > before, "a new connection: " + proxy.accepted() + " after " + before);
            } finally {
                relay.stop();
            }
        }
    }

    /**
     * With a poll interval far longer than the test, the relay is woken in process by a commit here (and
     * passes over this process's own NOTIFY, which is for the other instances), and by another instance's
     * NOTIFY.
     */
    @Test
    void aCommitHereOrAnotherInstancesNotificationWakesItBeforeItsPoll() throws Exception {
        OutboxRelay relay = new OutboxRelay(config(Duration.ofSeconds(30), Duration.ofMinutes(5)), jdbcUrl(),
                services.get("quarkus.datasource.username"), Optional.of(services.get("quarkus.datasource.password")),
                bootstrap(), "relay-test-woken");
        relay.start();
        try {
            waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(60), "the relay's first pass");
            Thread.sleep(1_000); // the wake-ups of its start taken: it waits for the next

            insertEvent(ageTopic, "woken", 1, Outbox.NOTIFY);
            Thread.sleep(2_000);
            assertEquals(1, unpublishedCount(), "this process's own NOTIFY does not wake it (its commit does)");
            OutboxRelay.wakeUpHere();
            waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(30), "the event to be published after the wake-up here");

            insertEvent(ageTopic, "woken", 2, "SELECT pg_notify('" + Outbox.CHANNEL + "', 'another-instance')");
            waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(30),
                    "the event to be published after another instance's NOTIFY");

            // as Outbox asks in the transaction that appends: woken by its commit, not by a rollback
            HandTransactions transaction = new HandTransactions();
            transaction.begin();
            OutboxRelay.wakeUpHereAfterCommit(transaction);
            insertEvent(ageTopic, "woken", 3, Outbox.NOTIFY);
            transaction.rollback();
            Thread.sleep(2_000);
            assertEquals(1, unpublishedCount(), "a transaction rolled back wakes nobody");
            transaction.begin();
            OutboxRelay.wakeUpHereAfterCommit(transaction);
            OutboxRelay.wakeUpHereAfterCommit(transaction);
            transaction.commit();
            waitUntil(() -> unpublishedCount() == 0, Duration.ofSeconds(30), "the event to be published after the commit here");
        } finally {
            relay.stop();
        }
    }

    /** Published rows past their retention go, in parts (more than one part's worth here); the rest stay. */
    @Test
    void publishedRowsPastTheirRetentionAreDeletedInParts() throws Exception {
        int old = OutboxRelay.CLEANUP_PART * 2 + 1;
        try (Connection connection = connect(); Statement insert = connection.createStatement()) {
            insert.execute("""
                    INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope, created_at, published_at)
                    SELECT gen_random_uuid(), 'retention-test', 'Thing', 'aged', 'SomethingHappened', '{}',
                           now() - interval '9 days', now() - CASE WHEN n <= %d THEN interval '8 days' ELSE interval '6 days' END
                    FROM generate_series(1, %d) n""".formatted(old, old + 3));
        }
        OutboxRelay relay = relay(bootstrap(), "retention");
        relay.start();
        try {
            waitUntil(() -> retentionTestRows() == 3, Duration.ofSeconds(60), "the rows past their retention to go");
        } finally {
            relay.stop();
        }
        assertEquals(3, retentionTestRows(), "the rows within their retention stay");
    }

    private static long retentionTestRows() {
        return outboxRows("topic = 'retention-test'");
    }

    private static OutboxRelay relay(String bootstrap, String name) {
        return new OutboxRelay(config(), jdbcUrl(), services.get("quarkus.datasource.username"),
                Optional.of(services.get("quarkus.datasource.password")), bootstrap, "relay-test-" + name);
    }

    private static OutboxConfig config() {
        return config(Duration.ofSeconds(30));
    }

    private static OutboxConfig config(Duration answerTimeout) {
        return config(answerTimeout, Duration.ofMillis(200));
    }

    private static OutboxConfig config(Duration answerTimeout, Duration pollInterval) {
        return new OutboxConfig() {
            public boolean relayEnabled() { return true; }
            public Duration pollInterval() { return pollInterval; }
            public int batchSize() { return 7; }
            public Duration publishedRetention() { return Duration.ofDays(7); }
            public Duration maxBackoff() { return Duration.ofMillis(500); }
            public Duration answerTimeout() { return answerTimeout; }
        };
    }

    private static String insertEvent(String aggregateId, int version) throws SQLException {
        return insertEvent(topic, aggregateId, version);
    }

    private static String insertEvent(String topic, String aggregateId, int version) throws SQLException {
        return insertEvent(topic, aggregateId, version, null);
    }

    /** {@code notify}: a statement run in the insert's transaction (null: none). */
    private static String insertEvent(String topic, String aggregateId, int version, String notify) throws SQLException {
        String id = UUID.randomUUID().toString();
        String envelope = """
                {"specversion":"1.0","id":"%s","source":"/relay-test","type":"SomethingHappened","subject":"%s",
                 "time":"2026-01-01T00:00:00Z","aggregatetype":"Thing","aggregateversion":%d,"data":{"n":%d}}"""
                .formatted(id, aggregateId, version, version);
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope)
                VALUES (CAST(? AS uuid), ?, 'Thing', ?, 'SomethingHappened', CAST(? AS jsonb))""")) {
            insert.setString(1, id);
            insert.setString(2, topic);
            insert.setString(3, aggregateId);
            insert.setString(4, envelope);
            connection.setAutoCommit(false);
            insert.executeUpdate();
            if (notify != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(notify);
                }
            }
            connection.commit();
        }
        return id;
    }

    private static long unpublishedCount() {
        return outboxRows("published_at IS NULL");
    }

    private static long outboxRows(String condition) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE " + condition)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(KafkaSettings.consumer(bootstrap(), "relay-test-" + UUID.randomUUID()))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            // Read past the expected count for a moment, so a duplicate would be seen too.
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= expected && quietUntil == null) {
                    quietUntil = Instant.now().plusSeconds(2);
                }
                if (quietUntil != null && Instant.now().isAfter(quietUntil)) {
                    break;
                }
            }
        }
        return records;
    }

    /**
     * The CloudEvents Kafka protocol binding: structured mode (content-type application/cloudevents+json,
     * the value is the event) with the attributes also in ce_ headers, each equal to the envelope's.
     */
    private static void assertCloudEventsBinding(ConsumerRecord<String, String> record, EventEnvelope event) {
        assertEquals("application/cloudevents+json; charset=UTF-8", header(record, "content-type"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(event.id(), header(record, "ce_id"));
        assertEquals("/relay-test", header(record, "ce_source"));
        assertEquals("SomethingHappened", header(record, "ce_type"));
        assertEquals(event.subject(), header(record, "ce_subject"));
        assertEquals("2026-01-01T00:00:00Z", header(record, "ce_time"));
        assertEquals(1, count(record, "ce_id"), "one header per attribute");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int count(ConsumerRecord<String, String> record, String name) {
        int n = 0;
        for (var ignored : record.headers().headers(name)) {
            n++;
        }
        return n;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String jdbcUrl() {
        return services.get("quarkus.datasource.jdbc.url");
    }

    private static String bootstrap() {
        return services.get("kafka.bootstrap.servers");
    }

    private static Connection connect() throws SQLException {
        return RealServices.connect(services);
    }
}
