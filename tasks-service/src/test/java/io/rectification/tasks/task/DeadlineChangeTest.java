package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The office moves a task's deadline (finding 3 of the consistency review: a 66-day-overdue task was
 * moved with no reason asked, the unit not told, and the coordinator who moved it could not read the
 * task's history): a later deadline (延期) needs a reason, 400 naming deadlineChangeReason without; an
 * earlier one may come without. The move is TaskDeadlineChanged with the date it replaced and the
 * reason, the task keeps it (lastDeadlineChange), and its audit trail, which the coordinator reads, has it.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DeadlineChangeTest {

    static final String REASON = "受用地报批影响，经整改工作领导小组会议研究同意延期。";

    @Test
    void aLaterDeadlineNeedsAReasonWhichTheEventTheTaskAndItsHistoryKeep() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("清理闲置资产", "2024-09-30", "TIME_BOUND", ""));

        // 延期 without a reason (PATCH and PUT alike): 400 naming the field, nothing changed
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"deadline\":\"2024-12-05\"}")
                .patch("/tasks/" + taskId).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("deadlineChangeReason"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.taskJson("清理闲置资产", "2024-12-05", "TIME_BOUND", "\"deadlineChangeReason\":\"  \""))
                .put("/tasks/" + taskId).then().statusCode(400).body("errors.field", contains("deadlineChangeReason"));
        given().get("/tasks/" + taskId).then().statusCode(200).body("deadline", equalTo("2024-09-30"))
                .body("version", equalTo(0)).body("lastDeadlineChange", nullValue());

        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"").header("X-Actor", "zhengban")
                    .body("{\"deadline\":\"2024-12-05\",\"deadlineChangeReason\":\" " + REASON + " \"}")
                    .patch("/tasks/" + taskId).then().statusCode(200).body("deadline", equalTo("2024-12-05"))
                    .body("lastDeadlineChange.from", equalTo("2024-09-30")).body("lastDeadlineChange.to", equalTo("2024-12-05"))
                    .body("lastDeadlineChange.reason", equalTo(REASON)).body("lastDeadlineChange.by", equalTo("zhengban"));
            EventEnvelope moved = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskDeadlineChanged"),
                    Duration.ofSeconds(30));
            assertEquals("2024-09-30", moved.data().get("previousDeadline").asText());
            assertEquals(REASON, moved.data().get("reason").asText());
            assertEquals("2024-12-05", moved.data().get("task").get("deadline").asText());
            assertEquals("zhengban", moved.data().get("task").get("lastDeadlineChange").get("by").asText());

            // earlier (a tighter deadline) may come without a reason; a PUT that keeps the deadline is TaskUpdated
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(Fixtures.taskJson("清理闲置资产", "2024-11-30", "TIME_BOUND", "")).put("/tasks/" + taskId)
                    .then().statusCode(200).body("lastDeadlineChange.from", equalTo("2024-12-05"))
                    .body("lastDeadlineChange.reason", nullValue());
            EventEnvelope earlier = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskDeadlineChanged")
                    && e.aggregateversion() == 2, Duration.ofSeconds(30));
            assertTrue(earlier.data().get("reason").isNull(), earlier.data().toString());
            given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                    .body(Fixtures.taskJson("清理闲置资产（含车辆）", "2024-11-30", "TIME_BOUND", "\"deadlineChangeReason\":\"不会保存\""))
                    .put("/tasks/" + taskId).then().statusCode(200).body("lastDeadlineChange.to", equalTo("2024-11-30"))
                    .body("lastDeadlineChange.reason", nullValue());
            probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskUpdated"), Duration.ofSeconds(30));
        }

        // the coordinator who moved it reads the task's history: each move with its reason
        given().header("X-Test-Roles", "coordinator").get("/tasks/" + taskId + "/audit").then().statusCode(200)
                .body("action", contains("TaskCreated", "TaskDeadlineChanged", "TaskDeadlineChanged", "TaskUpdated"))
                .body("[1].actor", equalTo("zhengban"))
                .body("[1].after.lastDeadlineChange.reason", equalTo(REASON))
                .body("[1].after.lastDeadlineChange.from", equalTo("2024-09-30"));
        // an officer (whose task entries would name evidence files of other units) and other systems do not
        given().header("X-Test-Roles", "officer").get("/tasks/" + taskId + "/audit").then().statusCode(403);
        given().header("X-Test-Roles", "integration").get("/tasks/" + taskId + "/audit").then().statusCode(403);
        given().header("X-Test-Roles", "supervisor").get("/tasks/" + taskId + "/audit").then().statusCode(200)
                .body("$", hasSize(4));
    }
}
