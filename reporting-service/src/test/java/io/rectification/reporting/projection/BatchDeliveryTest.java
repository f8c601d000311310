package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Events read in one poll are applied in one transaction; one bad event among them must neither
 * take the good ones down with it nor let a duplicate through twice.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class BatchDeliveryTest {

    @Test
    void aBadEventInABatchIsDeadLetteredAndTheOthersApplyOnce() {
        ContractEvents plan = new ContractEvents();
        UUID areaId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstCreated = envelope(UUID.randomUUID().toString(), "TaskCreated",
                plan.task(first, areaId, problemId, 1, "PLANNED", "2025-03-31"), 1);
        String marker = "不是JSON-" + UUID.randomUUID();
        String noTask = UUID.randomUUID().toString();
        String second1 = envelope(UUID.randomUUID().toString(), "TaskCreated",
                plan.task(second, areaId, problemId, 2, "PLANNED", "2025-03-31"), 1);
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("task", plan.task(second, areaId, problemId, 2, "IN_PROGRESS", "2025-03-31"));
        reported.put("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "MONTHLY",
                "periodStart", "2025-01-01", "periodEnd", "2025-01-31", "percentComplete", 60,
                "text", "已完成方案制定", "reporter", "李处长", "reportedAt", "2025-02-01T09:00:00+08:00"));
        String second2 = envelope(UUID.randomUUID().toString(), "TaskProgressReported", second.toString(), 2, reported);

        // One key, one flush: the consumer reads these in one poll.
        EventProbe.sendAll(EventTopics.TASKS, "batch-" + UUID.randomUUID(), List.of(
                firstCreated,
                "{" + marker,
                envelopeWithoutTask(noTask),
                second1,
                firstCreated, // the relay may deliver an event twice
                second2,
                second2));

        await().atMost(TaskEventsTest.WAIT).untilAsserted(() -> {
            given().when().get("/read-models/tasks/" + first).then().statusCode(200).body("state", equalTo("PLANNED"));
            given().when().get("/read-models/tasks/" + second).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
            given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200)
                    .body("payload", hasItem(containsString(marker)))
                    .body("eventId", hasItem(noTask));
        });
        given().queryParam("inspectionId", plan.inspectionId.toString()).when().get("/dashboard/summary")
                .then().statusCode(200)
                .body("tasks", equalTo(2))
                .body("byState.PLANNED", equalTo(1))
                .body("byState.IN_PROGRESS", equalTo(1));
        given().when().get("/read-models/tasks/" + second).then().statusCode(200)
                .body("progressReports.size()", equalTo(1));
    }

    private static String envelope(String id, String type, ObjectNode task, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", task);
        return envelope(id, type, task.get("id").asText(), version, data);
    }

    private static String envelopeWithoutTask(String id) {
        return envelope(id, "TaskCreated", UUID.randomUUID().toString(), 1, Map.of("nothing", "here"));
    }

    private static String envelope(String id, String type, String subject, long version, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/tasks-service");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", AdjustableClock.current().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("aggregatetype", "Task");
        envelope.put("aggregateversion", version);
        envelope.put("data", data);
        return EventProbe.toJson(envelope);
    }
}
