package io.rectification.reporting.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.ApplyGate;
import io.rectification.platform.events.ConsumedEvents;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.LockWaits;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.projection.ConsumerNames;
import io.rectification.reporting.projection.TasksEventHandler;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild on one instance while another instance's consumer goes on with its partitions (the
 * production overlay runs two or more of each service): an event that consumer applies while the
 * replay runs must not be lost when the fresh tables are swapped in. Before {@link RebuildGate} it
 * was written into the tables the swap dropped, after the end the replay had read to, and that
 * consumer's offset moved past it: the task was gone from the read models for good.
 *
 * <p>The rebuild is held, by hand, after it has read the topics' ends: a transaction here locks an
 * open dead letter of the tasks consumer, which the rebuild deletes in its transaction. Meanwhile the
 * other instance's consumer applies a task's first event, as {@code EventConsumers} does; refused,
 * it reads its poll again once the rebuild is over, as {@code EventConsumers} does.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class RebuildBesideAnotherInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    TasksEventHandler handler;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    ConsumerNames names;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RebuildGate gate;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventAnotherInstanceAppliesWhileARebuildReplaysIsKept() throws Exception {
        awaitNoRebuildRunning();
        UUID taskId = UUID.randomUUID();
        EventEnvelope created = taskCreated(taskId);
        long letter = openDeadLetter();
        boolean appliedMeanwhile;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM dead_letter WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, letter);
                lock.executeQuery().close();
            }
            given().header("X-Actor", "admin-li").when().post("/admin/rebuild").then().statusCode(202);
            assertTrue(rebuildWaitsOnTheDeadLetter(), "the rebuild reached the dead letters, past reading the ends");
            appliedMeanwhile = appliedAsAnotherInstance(created);
            holder.rollback();
        }
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/rebuild").then().body("state", equalTo("DONE")));
        if (!appliedMeanwhile) {
            assertTrue(appliedAsAnotherInstance(created), "applied once the rebuild is over");
        }
        assertTrue(taskStored(taskId), "the task applied beside the rebuild is in the read model after it");
    }

    /**
     * The live consumer, sent back by the gate while a rebuild holds it (here by hand), commits nothing of
     * its poll and reads it again after the pause: the event is applied once the gate opens, and is no
     * dead letter (a refusal taken for the event's failure would have dead-lettered it). Meanwhile it
     * stays in its group under the same member id (it left and joined again at every pause, each time a
     * rebalance of the whole group).
     */
    @Test
    void aLiveConsumerSentBackByTheGateAppliesTheEventOnceItOpens() throws Exception {
        awaitNoRebuildRunning();
        long refusedBefore = gate.refused();
        String member = tasksConsumersMemberId();
        UUID taskId = UUID.randomUUID();
        ObjectNode task = new ContractEvents().task(taskId, UUID.randomUUID(), UUID.randomUUID(), 1, "IN_PROGRESS",
                "2025-06-30");
        String eventId = whileTheGateIsClosed(() -> {
            String sent = ContractEvents.sendTask("TaskCreated", task, 1);
            await().atMost(WAIT).until(() -> gate.refused() > refusedBefore + 2);
            assertFalse(taskStored(taskId), "nothing applied while the gate is closed");
            return sent;
        });
        await().atMost(WAIT).until(() -> taskStored(taskId));
        assertEquals(0, deadLettersOf(eventId), "not dead-lettered");
        assertEquals(member, tasksConsumersMemberId(), "the same member of its group throughout");
    }

    /** The broker's member id of this instance's tasks consumer (a new one each time it joins its group). */
    private String tasksConsumersMemberId() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return await().atMost(WAIT).until(() -> admin.describeConsumerGroups(List.of(names.tasks())).describedGroups()
                    .get(names.tasks()).get().members().stream().map(MemberDescription::consumerId).findFirst(),
                    Optional::isPresent).orElseThrow();
        }
    }

    /**
     * An operator's replay of a dead letter while a rebuild replaces the read models is refused (409,
     * saying so), and the dead letter stays as it was; it is no further failed attempt of its message.
     */
    @Test
    void aDeadLetterReplayedWhileARebuildRunsIsRefusedAndStaysAsItWas() throws Exception {
        awaitNoRebuildRunning();
        long letter = deadLetterOf(taskCreated(UUID.randomUUID()));
        whileTheGateIsClosed(() -> given().header("X-Actor", "ops-zhang").when().post("/dead-letters/" + letter + "/replay")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("rebuild")));
        given().when().get("/dead-letters/" + letter).then().statusCode(200)
                .body("attempts", equalTo(1)).body("resolution", nullValue());
        given().header("X-Actor", "ops-zhang").when().post("/dead-letters/" + letter + "/replay").then().statusCode(200)
                .body("resolution.outcome", equalTo("REPLAYED"));
    }

    /** An open dead letter of the tasks consumer holding {@code event} as its message. */
    private long deadLetterOf(EventEnvelope event) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason,
                                              payload)
                     VALUES (?, ?, 0, ?, ?, ?, 'not applied: test', ?) RETURNING id""")) {
            insert.setString(1, names.tasks());
            insert.setString(2, EventTopics.TASKS);
            insert.setLong(3, Long.MAX_VALUE - 1_000_000 - System.nanoTime() % 1_000_000);
            insert.setString(4, event.id());
            insert.setString(5, event.type());
            insert.setBytes(6, EventProbe.toJson(event).getBytes(StandardCharsets.UTF_8));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void awaitNoRebuildRunning() {
        await().atMost(WAIT).until(() -> given().when().get("/admin/rebuild").statusCode() == 404
                || !"RUNNING".equals(given().when().get("/admin/rebuild").then().extract().path("state")));
    }

    /** {@code work}'s answer, got while a transaction of its own holds the rebuild's gate closed, as a rebuild does. */
    private <T> T whileTheGateIsClosed(Callable<T> work) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        CompletableFuture<Void> rebuilding = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            gate.close();
            closed.countDown();
            awaitOpen(open);
        }));
        try {
            assertTrue(closed.await(30, TimeUnit.SECONDS), "the gate closed");
            return work.call();
        } finally {
            open.countDown();
            rebuilding.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitOpen(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int deadLettersOf(String eventId) throws Exception {
        return (int) Counts.of(dataSource, "SELECT count(*) FROM dead_letter WHERE event_id = ?", eventId);
    }

    /** One poll of the other instance's consumer: true when applied, false when the gate sent it back for later. */
    private boolean appliedAsAnotherInstance(EventEnvelope event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyAllOnce(handler, List.of(event)));
            return true;
        } catch (RuntimeException e) {
            if (ApplyGate.Closed.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    private long openDeadLetter() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, reason, payload)
                     VALUES (?, ?, 0, ?, 'not applied: held by RebuildBesideAnotherInstanceTest', '\\x00') RETURNING id""")) {
            insert.setString(1, names.tasks());
            insert.setString(2, EventTopics.TASKS);
            insert.setLong(3, Long.MAX_VALUE - System.nanoTime() % 1_000_000);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Whether the rebuild's transaction came to wait for the locked dead letter (looked at for up to two minutes). */
    private boolean rebuildWaitsOnTheDeadLetter() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            if (LockWaits.in(dataSource, "query LIKE 'DELETE FROM dead_letter WHERE consumer%'") > 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private boolean taskStored(UUID taskId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM rm_task WHERE id = ?")) {
            select.setObject(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static EventEnvelope taskCreated(UUID taskId) {
        ContractEvents contract = new ContractEvents();
        ObjectNode data = JSON.createObjectNode();
        data.set("task", contract.task(taskId, UUID.randomUUID(), UUID.randomUUID(), 1, "IN_PROGRESS", "2025-06-30"));
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/tasks-service", "TaskCreated", taskId.toString(),
                OffsetDateTime.parse("2025-03-01T09:00:00+08:00"), "application/json", "Task", 1L, data);
    }
}
