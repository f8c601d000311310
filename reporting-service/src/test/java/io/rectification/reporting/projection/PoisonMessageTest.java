package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.RefusedDeadLetters;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages no table could hold as text (a NUL byte, invalid UTF-8, a body near the broker's limit)
 * go to the dead letters as the bytes received and the consumer moves on; a message that cannot
 * even be recorded holds the consumer, which says so in readiness, a gauge and the log.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PoisonMessageTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonMessagesAreDeadLetteredWithTheirBytesAndTheNextEventIsApplied() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        String key = task.toString(); // the task's own key: the poison lies before its event in one partition
        String marker = UUID.randomUUID().toString();

        byte[] nul = ("\u0000garbage-" + marker).getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = concat(new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE},
                ("{\"id\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] huge = new byte[1_000_000];
        Arrays.fill(huge, (byte) 'x');
        huge[0] = '{';
        System.arraycopy(marker.getBytes(StandardCharsets.UTF_8), 0, huge, 1, marker.length());
        // Valid JSON whose text holds an escaped NUL: readable, but no text column takes it.
        ObjectNode withNul = plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED", "2025-06-30");
        withNul.put("title", "a\u0000b");
        String nulEventId = UUID.randomUUID().toString();
        byte[] escapedNul = envelope(nulEventId, withNul).getBytes(StandardCharsets.UTF_8);

        Map<String, byte[]> sent = new LinkedHashMap<>();
        Map<String, RecordMetadata> at = new LinkedHashMap<>();
        sent.put("NUL byte", nul);
        sent.put("invalid UTF-8", invalidUtf8);
        sent.put("1 MB", huge);
        sent.put("escaped NUL", escapedNul);
        sent.forEach((what, bytes) -> at.put(what, EventProbe.sendBytes(EventTopics.TASKS, key, bytes)));
        ContractEvents.sendTask("TaskCreated", plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED",
                "2025-06-30"), 1);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("state", equalTo("PLANNED")));
        for (Map.Entry<String, byte[]> message : sent.entrySet()) {
            RecordMetadata where = at.get(message.getKey());
            Number id = given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200)
                    .extract().path("find { it.topic == '" + where.topic() + "' && it.partition == " + where.partition()
                            + " && it.offset == " + where.offset() + " }.id");
            assertTrue(id != null, message.getKey() + " at " + where + " is not among the dead letters");
            byte[] stored = given().when().get("/dead-letters/" + id + "/payload").then().statusCode(200)
                    .extract().asByteArray();
            assertArrayEquals(message.getValue(), stored, message.getKey() + " is not stored as it was sent");
        }
        given().queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("find { it.eventId == '" + nulEventId + "' }.reason", containsString("not applied"))
                .body("find { it.offset == " + at.get("1 MB").offset() + " && it.partition == "
                        + at.get("1 MB").partition() + " }.payloadBytes", equalTo(huge.length));
    }

    @Test
    void aMessageThatCannotBeRecordedHoldsTheConsumerLoudlyUntilItCanBe() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        String marker = "refused-" + UUID.randomUUID();
        // The dead-letter table refuses this one message, as a full disk or a lost database would.
        try (RefusedDeadLetters refused = RefusedDeadLetters.holding(dataSource, marker)) {
            RecordMetadata poison = EventProbe.sendBytes(EventTopics.TASKS, task.toString(),
                    ("\u0000" + marker).getBytes(StandardCharsets.UTF_8));
            ContractEvents.sendTask("TaskCreated", plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED",
                    "2025-06-30"), 1);
            String position = poison.topic() + "-" + poison.partition() + "@" + poison.offset();

            await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event-consumers' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'event-consumers' }.data.toString()", containsString(position)));
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.matches("(?s).*rectification_consumer_halted\\{consumer=\"[^\"]+-tasks\"} 1(\\.0)?\n.*"),
                    metrics);
            // the event behind the message in its partition waits: nothing is skipped unrecorded
            given().when().get("/read-models/tasks/" + task).then().statusCode(404);
        }
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("state", equalTo("PLANNED")));
        given().queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("find { it.payload.contains('" + marker + "') }.reason", containsString("unreadable"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'event-consumers' }.status", equalTo("UP")));
    }

    /**
     * A database that refuses for a while (a restart, an operator's ALLOW_CONNECTIONS false) is not
     * the event's fault: the consumer retries it and applies it when the database answers, instead
     * of dead-lettering a valid event as "not applied" (the fault suite lost one progress report so).
     * Here the read model's insert of one task is refused with PostgreSQL's "cannot connect now".
     */
    @Test
    void anEventMetWhileTheDatabaseRefusesIsAppliedWhenItAnswersNotDeadLettered() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        String name = "away_" + task.toString().replace('-', '_');
        execute("CREATE SEQUENCE " + name,
                "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.id = '" + task + "' THEN PERFORM nextval('" + name + "'); "
                        + "RAISE EXCEPTION 'the database system is starting up' USING ERRCODE = '57P03'; END IF; "
                        + "RETURN NEW; END $$",
                "CREATE TRIGGER " + name + " BEFORE INSERT ON rm_task FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        try {
            ContractEvents.sendTask("TaskCreated", plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED",
                    "2025-06-30"), 1);
            // met and refused more than once: the consumer went back to it rather than past it
            await().atMost(WAIT).until(() -> refusals(name) >= 2);
            given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200)
                    .body("findAll { it.payload != null && it.payload.contains('" + task + "') }", hasSize(0));
        } finally {
            execute("DROP TRIGGER " + name + " ON rm_task", "DROP FUNCTION " + name + "()", "DROP SEQUENCE " + name);
        }
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("state", equalTo("PLANNED")));
        given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200)
                .body("findAll { it.payload != null && it.payload.contains('" + task + "') }", hasSize(0));
    }

    private long refusals(String sequence) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String envelope(String id, ObjectNode task) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/tasks-service");
        envelope.put("type", "TaskCreated");
        envelope.put("subject", task.get("id").asText());
        envelope.put("time", "2025-06-01T09:00:00+08:00");
        envelope.put("datacontenttype", "application/json");
        envelope.put("aggregatetype", "Task");
        envelope.put("aggregateversion", 1);
        envelope.put("data", Map.of("task", task));
        return EventProbe.toJson(envelope);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
