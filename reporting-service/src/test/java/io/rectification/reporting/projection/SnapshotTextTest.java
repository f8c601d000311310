package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.ConsumedEvents;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read models keep each snapshot as the event carried it, not the record written out again:
 * every snapshot here carries a member no record knows and spacing the mapper would not write, so
 * a projection that re-serialises fails the test.
 */
@QuarkusTest
class SnapshotTextTest {

    @Inject
    EventReader reader;

    @Inject
    TasksEventHandler handler;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    AgroalDataSource dataSource;

    final UUID inspection = UUID.randomUUID();
    final UUID area = UUID.randomUUID();
    final UUID problem = UUID.randomUUID();
    final UUID task = UUID.randomUUID();

    String inspectionText() {
        return "{\"id\":\"" + inspection + "\", \"version\":1,\"title\":\"专项巡视\",\"notKnownYet\":{\"x\":[1,2]}}";
    }

    String areaText() {
        return "{\"id\":\"" + area + "\",\"version\":1,\"inspectionId\":\"" + inspection
                + "\",\"number\":1,\"title\":\"第一方面\", \"notKnownYet\":true}";
    }

    String problemText() {
        return "{\"id\":\"" + problem + "\",\"version\":2,\"inspectionId\":\"" + inspection + "\",\"areaId\":\"" + area
                + "\",\"number\":1,\"title\":\"问题\",\"source\":\"INSPECTION\",\"notKnownYet\":\"是\"}";
    }

    String taskText() {
        return "{\"id\":\"" + task + "\",\"version\":3,\"inspectionId\":\"" + inspection + "\",\"areaId\":\"" + area
                + "\",\"problemId\":\"" + problem + "\",\"number\":1,\"title\":\"任务\",\"kind\":\"TIME_BOUND\","
                + "\"state\":\"IN_PROGRESS\",\"deadline\":\"2028-02-29\",\"percentComplete\":40.0,"
                + "\"notKnownYet\":{\"nested\":\"值\"}}";
    }

    @Test
    void theStoredTextIsTheEventsText() {
        EventEnvelope taskEvent = read("TaskUpdated", task, 3, "{\"task\" : " + taskText() + "}");
        assertEquals(taskText(), SnapshotText.of(taskEvent, "task", decodedTask(taskEvent)));
        EventEnvelope inspectionEvent = read("InspectionRegistered", inspection, 1, inspectionText());
        assertEquals(inspectionText(), SnapshotText.of(inspectionEvent, null, new Object()));
    }

    @Test
    void anEnvelopeWithoutCarriedTextGivesTheRecordWrittenOut() throws Exception {
        EventEnvelope built = new EventEnvelope("1.0", "e", "/tasks-service", "TaskUpdated", task.toString(), null,
                "application/json", "Task", 3L, new ObjectMapper().readTree("{\"task\":" + taskText() + "}"));
        TasksEvent.TaskSnapshot snapshot = decodedTask(built);
        assertEquals(EventContract.toJson(snapshot), SnapshotText.of(built, "task", snapshot));
    }

    @Test
    void everyProjectionStoresTheSnapshotAsCarried() throws Exception {
        apply(read("InspectionRegistered", inspection, 1, inspectionText()));
        apply(read("AreaRegistered", area, 1, "{\"area\":" + areaText() + "}"));
        apply(read("ProblemRegistered", problem, 2, "{\"problem\":\t" + problemText() + "}"));
        apply(read("TaskUpdated", task, 3, "{\"task\" : " + taskText() + ",\"other\":1}"));

        assertStored("SELECT data FROM rm_inspection WHERE id = ?", inspection, inspectionText());
        assertStored("SELECT data FROM rm_area WHERE id = ?", area, areaText());
        assertStored("SELECT data FROM rm_problem WHERE id = ?", problem, problemText());
        assertStored("SELECT data FROM rm_problem_history WHERE problem_id = ?", problem, problemText());
        assertStored("SELECT data FROM rm_task WHERE id = ?", task, taskText());
        assertStored("SELECT data FROM rm_task_history WHERE task_id = ?", task, taskText());
    }

    /**
     * A rebuild's replay sends the carried bytes through COPY: escapes in the JSON (a backslash, a
     * newline in a string) and a tab between members must arrive as the event carried them.
     */
    @Test
    void aReplayByCopyStoresTheSnapshotAsCarried() throws Exception {
        String text = taskText().replace("\"title\":\"任务\"", "\"title\":\"任务\\n第二行\\\\\",\t\"x\":\"\\t\"");
        EventEnvelope event = read("TaskUpdated", task, 3, "{\"task\":" + text + "}");
        QuarkusTransaction.requiringNew().run(() -> {
            consumedEvents.recordAllNew(handler.consumerName(), List.of(event.id()));
            handler.replayAll(List.of(event));
        });
        assertStored("SELECT data FROM rm_task_history WHERE task_id = ?", task, text);
        assertStored("SELECT data FROM rm_task WHERE id = ?", task, text);
    }

    private static TasksEvent.TaskSnapshot decodedTask(EventEnvelope event) {
        return ((TasksEvent.TaskChange) EventContract.decode(event).orElseThrow()).task();
    }

    private EventEnvelope read(String type, UUID subject, long version, String data) {
        String message = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/tasks-service\","
                + "\"type\":\"" + type + "\",\"subject\":\"" + subject + "\",\"time\":\"2026-03-02T09:30:00+08:00\","
                + "\"aggregateversion\":" + version + ",\"data\":" + data + "}";
        return reader.read(message.getBytes(StandardCharsets.UTF_8));
    }

    private void apply(EventEnvelope event) {
        QuarkusTransaction.requiringNew().run(() -> assertTrue(consumedEvents.applyOnce(handler, event)));
    }

    /** jsonb keeps no spacing or member order, so the comparison is as jsonb; the unknown member decides it. */
    private void assertStored(String select, UUID id, String carried) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT stored.data = CAST(? AS jsonb), stored.data::text FROM (" + select + ") stored")) {
            statement.setString(1, carried);
            statement.setObject(2, id);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), select);
                assertTrue(row.getBoolean(1), select + " stored " + row.getString(2) + ", the event carried " + carried);
            }
        }
    }
}
