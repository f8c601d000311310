package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reasons are records (issue 10): a confirmed look-back's findings and the verifier's note on a
 * close-out or consolidation are kept on the task, shown with it, written to its audit trail and
 * carried by its event (so the read models have them), not only in the review table or nowhere.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReviewFindingsAndVerificationNotesTest {

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    private static String claimedTask(String kind, String extra) {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化资产管理", "2025-12-31", kind, extra));
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        return taskId;
    }

    @Test
    void aConfirmedLookBacksFindingsAreOnTheTaskItsAuditTrailAndItsEvent() {
        AdjustableClock.pinAt(Instant.parse("2025-03-31T02:00:00Z"));
        String taskId = claimedTask("TIME_BOUND", "");
        given().header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification").then().statusCode(200)
                .body("lastLookBack", nullValue());
        AdjustableClock.pinAt(Instant.parse("2025-06-30T02:00:00Z"));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                    .body(Map.of("outcome", "CONFIRMED", "reason", "  抽查3个支部，台账完整，未见反弹 "))
                    .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                    .body("reason", equalTo("抽查3个支部，台账完整，未见反弹"))
                    .body("task.lastLookBack.outcome", equalTo("CONFIRMED"))
                    .body("task.lastLookBack.findings", equalTo("抽查3个支部，台账完整，未见反弹"));
            given().get("/tasks/" + taskId).then().statusCode(200)
                    .body("lastLookBack.outcome", equalTo("CONFIRMED"))
                    .body("lastLookBack.findings", equalTo("抽查3个支部，台账完整，未见反弹"))
                    .body("lastLookBack.by", equalTo("qian.zu"))
                    .body("lastLookBack.at", equalTo("2025-06-30T10:00:00+08:00"));
            given().get("/tasks/" + taskId + "/audit").then().statusCode(200)
                    .body("after.lastLookBack.findings", hasItem("抽查3个支部，台账完整，未见反弹"));
            EventEnvelope confirmed = probe.await(e -> taskId.equals(e.subject())
                    && e.data().path("task").path("lastLookBack").path("outcome").asText().equals("CONFIRMED"),
                    Duration.ofSeconds(30));
            assertEquals("抽查3个支部，台账完整，未见反弹",
                    confirmed.data().get("task").get("lastLookBack").get("findings").asText());
        }
        // a confirmation without findings replaces the previous one's: the task shows the latest review
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED", "reason", " "))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("reason", nullValue())
                .body("task.lastLookBack.outcome", equalTo("CONFIRMED"))
                .body("task.lastLookBack.findings", nullValue());
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                .body(Map.of("outcome", "REOPENED", "reason", "欠费问题反弹回潮", "deadline", "2025-09-30"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.lastLookBack.outcome", equalTo("REOPENED"))
                .body("task.lastLookBack.findings", equalTo("欠费问题反弹回潮"))
                .body("task.lastReopen.reason", equalTo("欠费问题反弹回潮"));
    }

    @Test
    void theVerifiersNoteOnAConsolidationAndACloseOutIsKept() {
        String taskId = claimedTask("LONG_TERM", """
                "milestones":[{"title":"建立台账","dueDate":"2024-12-31"}]""");
        String milestoneId = given().get("/tasks/" + taskId).then().extract().path("milestones[0].id");
        given().post("/tasks/" + taskId + "/milestones/" + milestoneId + "/achievement").then().statusCode(200);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("X-Actor", "zhao.du")
                    .body(Map.of("note", "巩固提升：每季度复核欠款台账"))
                    .post("/tasks/" + taskId + "/verification").then().statusCode(200)
                    .body("state", equalTo("CONSOLIDATING"))
                    .body("verificationNote.text", equalTo("巩固提升：每季度复核欠款台账"))
                    .body("verificationNote.by", equalTo("zhao.du"));
            given().get("/tasks/" + taskId + "/audit").then().statusCode(200)
                    .body("after.verificationNote.text", hasItem("巩固提升：每季度复核欠款台账"));
            EventEnvelope consolidating = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskConsolidating"), Duration.ofSeconds(30));
            assertEquals("巩固提升：每季度复核欠款台账",
                    consolidating.data().get("task").get("verificationNote").get("text").asText());
        }
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("note", "x".repeat(2001)))
                .post("/tasks/" + taskId + "/verification").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("note"));
        // the close-out without a note (the console's button sends no body) leaves none from the consolidation
        given().header("X-Actor", "qian.zu").post("/tasks/" + taskId + "/verification").then().statusCode(200)
                .body("state", equalTo("VERIFIED"))
                .body("verificationNote", nullValue());
    }

    @Test
    void theOpenApiDocumentSaysTheNoteIsOptional() {
        // a client generated from the document must not be made to send a body the console never sends
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/tasks/{id}/verification'.post.requestBody.required", equalTo(false))
                .body("paths.'/tasks/{id}/verification'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/VerificationInput"));
    }
}
