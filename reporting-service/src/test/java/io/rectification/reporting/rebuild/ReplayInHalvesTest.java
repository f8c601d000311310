package io.rectification.reporting.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventReplay;
import io.rectification.platform.testing.EventProbe;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.projection.TasksEventHandler;
import io.rectification.reporting.support.Sql;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A replayed poll that holds bad messages is applied in halves until each bad one stands alone:
 * every other event is applied, in the topic's order, and exactly the bad ones are dead-lettered
 * at their offsets: an unreadable message and an envelope whose data cannot be read, in the middle
 * of one poll, with a task's later version after both.
 */
@QuarkusTest
class ReplayInHalvesTest {

    @Inject
    EventReplay replay;

    @Inject
    TasksEventHandler handler;

    @Inject
    Sql sql;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPollWithBadMessagesIsAppliedInHalvesAroundThem() throws Exception {
        String topic = "replay-halves-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        ContractEvents plan = new ContractEvents();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        List<String> applicable = new ArrayList<>();
        applicable.add(ContractEvents.send(topic, "InspectionRegistered", "Inspection", plan.inspectionId, 1,
                plan.inspection("回放测试")));
        UUID first = UUID.randomUUID();
        for (int number = 1; number <= 30; number++) {
            UUID task = number == 1 ? first : UUID.randomUUID();
            applicable.add(ContractEvents.send(topic, "TaskCreated", "Task", task, 1,
                    Map.of("task", plan.task(task, area, problem, number, "IN_PROGRESS", "2025-03-31"))));
            if (number == 12) {
                EventProbe.sendBytes(topic, "unreadable", "\u0000not an envelope".getBytes(StandardCharsets.UTF_8));
            }
            if (number == 20) {
                ContractEvents.send(topic, "TaskCreated", "Task", UUID.randomUUID(), 1,
                        Map.of("task", Map.of("id", "not-a-uuid", "inspectionId", plan.inspectionId.toString())));
            }
        }
        // the first task's second version comes after both bad messages: it must win
        applicable.add(ContractEvents.send(topic, "TaskCompleted", "Task", first, 2,
                Map.of("task", plan.task(first, area, problem, 1, "VERIFIED", "2025-03-31"))));
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = applicable.size() + 2;

        QuarkusTransaction.requiringNew().run(() -> replay.replay(handler, Map.of(partition, 0L), Map.of(partition, end),
                Duration.ofSeconds(30), (p, position) -> { }));

        assertEquals(30L, (long) sql.one("SELECT count(*) FROM rm_task WHERE inspection_id = ?", row -> row.getLong(1),
                plan.inspectionId));
        assertEquals("VERIFIED", sql.one("SELECT state FROM rm_task WHERE id = ?", row -> row.getString(1), first));
        assertEquals(applicable.size(), (long) sql.one("SELECT count(*) FROM consumed_event WHERE consumer = ? AND event_id = ANY(?)",
                row -> row.getLong(1), handler.consumerName(), applicable.toArray(String[]::new)));
        // offsets: the inspection 0, tasks 1-12, the unreadable message 13, tasks 13-20 at 14-21, the bad data 22
        assertEquals(List.of(13L, 22L), sql.query("SELECT kafka_offset FROM dead_letter WHERE topic = ? ORDER BY kafka_offset",
                row -> row.getLong(1), topic));
    }
}
