package io.rectification.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.KafkaSettings;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.RefusedWrites;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A message whose dead letter an operator dismissed stays unapplied when the live consumer reads it
 * again after its group's offsets were reset (a database restored and the group reset to the dump's
 * time, docs/operations.md), even though it would apply now; nor is it recorded again. The messages
 * around it are applied. One dismissal is made here, the other as another instance would make it
 * (in the table only): the consumer loads that one when its partitions are assigned again.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DismissedMessageRereadTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConsumerNames names;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "platform.consumers.instance-id")
    String instanceId;

    @Test
    void aDismissedMessageReadAgainAfterAnOffsetResetIsPassedOverAndTheOthersAreApplied() throws Exception {
        ContractEvents plan = new ContractEvents();
        String key = UUID.randomUUID().toString(); // one partition, in this order
        UUID before = UUID.randomUUID();
        UUID dismissedHere = UUID.randomUUID();
        UUID dismissedElsewhere = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String[] applied = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[] dismissed = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        RecordMetadata first;
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "rm_task", "NEW.id IN ('" + dismissedHere + "', '"
                + dismissedElsewhere + "')", "refused until the fix is deployed")) {
            first = send(applied[0], key, plan, before);
            send(dismissed[0], key, plan, dismissedHere);
            send(dismissed[1], key, plan, dismissedElsewhere);
            send(applied[1], key, plan, after);
            await().atMost(WAIT).until(() -> tasks(plan) == 2);
        }
        long hereId = deadLetter(dismissed[0]);
        long elsewhereId = deadLetter(dismissed[1]);
        given().contentType(ContentType.JSON).body(Map.of("reason", "联调时的测试消息，不得应用。")).when()
                .post("/dead-letters/" + hereId + "/dismissal").then().statusCode(200)
                .body("resolution.outcome", equalTo("DISMISSED"));
        update("UPDATE dead_letter SET resolution = 'DISMISSED', resolved_by = 'ops-li', resolved_at = now(),"
                + " dismissal_reason = '在另一实例上驳回' WHERE id = ?", elsewhereId);

        // as a dump taken before these events: the consumer has to apply the two good ones again
        update("DELETE FROM rm_task_history WHERE inspection_id = ?", plan.inspectionId);
        update("DELETE FROM rm_task WHERE inspection_id = ?", plan.inspectionId);
        update("DELETE FROM consumed_event WHERE consumer = ? AND event_id = ANY(?)", names.tasks(), applied);
        resetOffset(new TopicPartition(first.topic(), first.partition()), first.offset());

        // the one after them applied: the consumer has read the dismissed ones again and moved past them
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM rm_task WHERE id IN (?, ?)", before, after) == 2);
        for (UUID task : List.of(dismissedHere, dismissedElsewhere)) {
            given().when().get("/read-models/tasks/" + task).then().statusCode(404);
        }
        assertEquals(2, count("SELECT count(*) FROM dead_letter WHERE event_id = ANY(?)", (Object) dismissed),
                "each dismissed message has its one dead letter, and none new");
        assertEquals(0, count("SELECT count(*) FROM dead_letter WHERE event_id = ANY(?) AND resolution IS NULL",
                (Object) dismissed));
    }

    private static RecordMetadata send(String eventId, String key, ContractEvents plan, UUID task) {
        return ContractEvents.sendTaskPlaced(eventId, key, "TaskCreated",
                plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED", "2025-06-30"), 1);
    }

    /**
     * As an operator's {@code kafka-consumer-groups --reset-offsets} does it: on a group without
     * members (here the instance's consumer is removed from it; it joins again, and is assigned its
     * partitions, by itself). Tried again while the consumer came back before the reset.
     */
    private void resetOffset(TopicPartition partition, long offset) {
        String group = names.tasks();
        try (Admin admin = Admin.create(KafkaSettings.admin(bootstrapServers, "dismissed-reread-test"))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                try {
                    admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(
                            List.of(new MemberToRemove(instanceId)))).all().get();
                } catch (ExecutionException e) {
                    // not a member at the moment: the group may be empty already
                }
                admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
                return true;
            });
        }
    }

    private long deadLetter(String eventId) {
        Number[] id = new Number[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            id[0] = given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200).extract()
                    .path("find { it.eventId == '" + eventId + "' }.id");
            return id[0] != null;
        });
        return id[0].longValue();
    }

    private long tasks(ContractEvents plan) throws SQLException {
        return count("SELECT count(*) FROM rm_task WHERE inspection_id = ?", plan.inspectionId);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof String[] array ? connection.createArrayOf("text", array) : value);
            }
            statement.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return Counts.of(dataSource, sql, parameters);
    }
}
