package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The reviews held (回头看) can be read back: per task and across an inspection's plan, newest first. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class LookBackReviewListTest {

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    private static String closedOutTask(String problemId) {
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("盘活闲置资产", "2025-06-30", "TIME_BOUND", ""));
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification").then().statusCode(200);
        return taskId;
    }

    private static String review(String taskId, String body) {
        return given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(body)
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTasksReviewsAndAPlansReviewsAreListedNewestFirst() {
        AdjustableClock.pinAt(Instant.parse("2025-03-31T15:30:00Z"));
        String problemId = Fixtures.freshProblem();
        String taskId = closedOutTask(problemId);
        String inspectionId = given().get("/tasks/" + taskId).then().extract().path("inspectionId");
        String confirmed = review(taskId, """
                {"outcome":"CONFIRMED","reason":"台账完整,未见反弹"}""");
        AdjustableClock.pinAt(Instant.parse("2025-06-30T16:10:00Z"));
        String reopened = review(taskId, """
                {"outcome":"REOPENED","reason":"欠费问题反弹回潮","deadline":"2025-09-30",
                 "newProblem":{"title":"欠费催缴不及时","description":"回头看发现"}}""");
        String otherInspectionTask = closedOutTask(Fixtures.freshProblem());
        review(otherInspectionTask, """
                {"outcome":"CONFIRMED"}""");

        given().get("/tasks/" + taskId + "/look-back-reviews").then().statusCode(200)
                .body("id", contains(reopened, confirmed))
                .body("outcome", contains("REOPENED", "CONFIRMED"))
                .body("reason", contains("欠费问题反弹回潮", "台账完整,未见反弹"))
                .body("reviewer", contains("qian.zu", "qian.zu"))
                .body("reviewedAt", contains("2025-07-01T00:10:00+08:00", "2025-03-31T23:30:00+08:00"))
                .body("[0].newProblemId", notNullValue())
                .body("[1]", not(hasKey("task")));
        given().header("X-Actor", "li.ke").header("X-Test-Roles", "officer").header("X-Test-Unit", "财政金融局")
                .queryParam("inspectionId", inspectionId).get("/look-back-reviews").then().statusCode(200)
                .body("id", contains(reopened, confirmed))
                .body("taskId", contains(taskId, taskId));
        given().queryParam("inspectionId", UUID.randomUUID().toString()).get("/look-back-reviews").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void listingNeedsAnInspectionAndAnExistingTask() {
        given().get("/look-back-reviews").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("inspectionId"));
        given().queryParam("inspectionId", "not-a-uuid").get("/look-back-reviews").then().statusCode(400)
                .body("errors.field", hasItem("inspectionId"));
        given().get("/tasks/" + UUID.randomUUID() + "/look-back-reviews").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Test-Anonymous", "true").get("/look-back-reviews?inspectionId=" + UUID.randomUUID())
                .then().statusCode(401);
    }
}
