package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 申请时间: a claimed task says when its claim was made ({@code claimedAt}, Beijing time), so the supervisors'
 * queue (销号核实) shows how long each claim has waited and lists the oldest first ({@code sort=claimedAt}).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ClaimTimeTest {

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    private static void act(String taskId, String action) {
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke").post("/tasks/" + taskId + "/" + action)
                .then().statusCode(200);
    }

    /** Started, with evidence, and claimed at {@code at}. */
    private static void claimAt(String taskId, Instant at) {
        AdjustableClock.pinAt(at);
        act(taskId, "start");
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        act(taskId, "completion-claim");
    }

    @Test
    void aClaimSaysWhenItWasMadeAndTheQueueListsTheOldestFirst() {
        String problemId = Fixtures.freshProblem();
        // the earlier deadline is claimed later: by deadline it would come first
        String waitingLonger = Fixtures.task(problemId, Fixtures.taskJson("清理超标配备公务用车", "2025-06-30", "TIME_BOUND", ""));
        String claimedLater = Fixtures.task(problemId, Fixtures.taskJson("规范公务接待审批", "2025-03-31", "TIME_BOUND", ""));
        String notClaimed = Fixtures.task(problemId, Fixtures.taskJson("修订差旅费管理办法", "2025-04-30", "TIME_BOUND", ""));
        claimAt(waitingLonger, Instant.parse("2025-01-05T16:45:00Z"));
        claimAt(claimedLater, Instant.parse("2025-01-09T02:30:00Z"));

        given().get("/tasks/" + waitingLonger).then().statusCode(200)
                .body("claimedBy", equalTo("li.ke"))
                .body("claimedAt", equalTo("2025-01-06T00:45:00+08:00"));
        given().get("/tasks/" + notClaimed).then().statusCode(200).body("claimedAt", nullValue());

        List<String> queue = given().queryParam("problemId", problemId).queryParam("state", "COMPLETION_CLAIMED")
                .queryParam("sort", "claimedAt").get("/tasks").then().statusCode(200)
                .body("items[1].claimedAt", equalTo("2025-01-09T10:30:00+08:00"))
                .extract().jsonPath().getList("items.id");
        assertEquals(List.of(waitingLonger, claimedLater), queue);

        // withdrawn, no claim stands: nor does its time
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .post("/tasks/" + claimedLater + "/completion-claim-withdrawal").then().statusCode(200)
                .body("claimedAt", nullValue());
    }

    /** The console reads the field from the task's typed schema, an instant like the task's other times. */
    @Test
    void theTaskSchemaNamesTheClaimsTime() {
        var claimedAt = OpenApiAnswers.document().path("components").path("schemas").path("TaskSnapshot")
                .path("properties").path("claimedAt");
        assertTrue(claimedAt.toString().contains("#/components/schemas/OffsetDateTime"), claimedAt.toString());
        assertTrue(claimedAt.path("description").asText().contains("申请时间"), claimedAt.toString());
    }
}
