package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 撤回销号申请: the owners take back a claim no one has decided on. The task returns to the state it
 * was claimed from, with nothing recorded as rejected; only a pending claim, only for those who may
 * claim it, through the same guard as every task command.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ClaimWithdrawalTest {

    static final String UNIT = "财政金融局";
    static final String WITHDRAWAL = "completion-claim-withdrawal";

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    /** An officer of the task's unit (the Fixtures' tasks are 财政金融局's). */
    private static RequestSpecification officer(String name, String unit) {
        return given().header("X-Actor", name).header("X-Test-Roles", "officer").header("X-Test-Unit", unit);
    }

    private static ValidatableResponse act(String taskId, String action, String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor)
                .when().post("/tasks/" + taskId + "/" + action).then();
    }

    private static void addEvidence(String taskId) {
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
    }

    /** A started task with evidence, reported 100 % done by its owners, and claimed: answers the claim's ETag. */
    private static String claimedTask(String taskId) {
        act(taskId, "start", "li.ke").statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                        "text", "欠款台账已建立，兑付完毕", "percentComplete", 100))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
        addEvidence(taskId);
        return officer("li.ke", UNIT).post("/tasks/" + taskId + "/completion-claim").then().statusCode(200)
                .body("state", equalTo("COMPLETION_CLAIMED")).body("allowedTransitions", hasItem("WITHDRAW_CLAIM"))
                .extract().header("ETag");
    }

    @Test
    void theOwnersWithdrawTheirClaimAndTheTaskIsAsBeforeIt() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("全力解决政府失信问题", "2024-12-31", "TIME_BOUND", ""));
        String etag = claimedTask(taskId);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            // any officer of the unit, as any of them may claim, not only the claimant
            officer("wang.ke", UNIT).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("reason", "佐证材料上传错误，更换后再申请"))
                    .when().post("/tasks/" + taskId + "/" + WITHDRAWAL)
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .body("state", equalTo("IN_PROGRESS"))
                    // the owners' own 100 %, which no one refused
                    .body("percentComplete", equalTo(100))
                    .body("claimedBy", nullValue())
                    .body("lastRejection", nullValue())
                    .body("lastWithdrawal.reason", equalTo("佐证材料上传错误，更换后再申请"))
                    .body("lastWithdrawal.by", equalTo("wang.ke"))
                    .body("lastWithdrawal.at", containsString("+08:00"))
                    .body("allowedTransitions", hasItem("CLAIM_COMPLETION"))
                    .body("allowedTransitions", not(hasItem("WITHDRAW_CLAIM")));
            EventEnvelope withdrawn = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskCompletionClaimWithdrawn"), Duration.ofSeconds(30));
            assertEquals("佐证材料上传错误，更换后再申请", withdrawn.data().get("reason").asText());
            assertEquals("IN_PROGRESS", withdrawn.data().get("task").get("state").asText());
            assertEquals("wang.ke", withdrawn.data().get("task").get("lastWithdrawal").get("by").asText());
            assertEquals(withdrawn.aggregateversion().longValue(), withdrawn.data().get("task").get("version").asLong());
        }

        // the audit trail says who withdrew what, from which state to which: no rejection in it
        List<Map<String, Object>> trail = given().header("X-Test-Roles", "supervisor").get("/tasks/" + taskId + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> last = trail.get(trail.size() - 1);
        assertEquals("TaskCompletionClaimWithdrawn", last.get("action"));
        assertEquals("wang.ke", last.get("actor"));
        assertEquals("COMPLETION_CLAIMED", ((Map<?, ?>) last.get("before")).get("state"));
        Map<?, ?> after = (Map<?, ?>) last.get("after");
        assertEquals("IN_PROGRESS", after.get("state"));
        assertEquals("佐证材料上传错误，更换后再申请", ((Map<?, ?>) after.get("lastWithdrawal")).get("reason"));
        assertTrue(trail.stream().noneMatch(e -> "TaskCompletionRejected".equals(e.get("action"))), trail.toString());

        // claimed again, and withdrawn again without a reason (a bare POST, as the claim is)
        officer("li.ke", UNIT).post("/tasks/" + taskId + "/completion-claim").then().statusCode(200)
                .body("claimedBy", equalTo("li.ke"))
                .body("lastWithdrawal.reason", equalTo("佐证材料上传错误，更换后再申请"));
        officer("li.ke", UNIT).post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS"))
                .body("lastWithdrawal.by", equalTo("li.ke"))
                .body("lastWithdrawal.reason", nullValue());
    }

    @Test
    void aReopenedTasksClaimIsWithdrawnToReopenedAndTheNextClaimStillCounts() {
        AdjustableClock.pinAt(Instant.parse("2024-12-31T15:59:00Z"));
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("规范国有资产出租", "2025-06-30", "TIME_BOUND", ""));
        act(taskId, "start", "li.ke").statusCode(200);
        addEvidence(taskId);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        act(taskId, "verification", "zhao.du").statusCode(200);
        AdjustableClock.pinAt(Instant.parse("2024-12-31T16:00:00Z"));
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                .body(Map.of("outcome", "REOPENED", "reason", "问题反弹回潮", "deadline", "2025-03-31"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.state", equalTo("REOPENED")).body("task.percentComplete", equalTo(0));
        AdjustableClock.pinAt(Instant.parse("2024-12-31T16:30:00Z"));
        addEvidence(taskId);
        act(taskId, "completion-claim", "li.ke").statusCode(200);

        officer("li.ke", UNIT).contentType(ContentType.JSON).body(Map.of("reason", "整改数据尚未复核"))
                .post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(200)
                .body("state", equalTo("REOPENED"))
                .body("percentComplete", equalTo(0))
                .body("reopenCount", equalTo(1))
                .body("lastReopen.reason", equalTo("问题反弹回潮"));
        // the evidence recorded since the reopening still stands for the next claim
        act(taskId, "completion-claim", "li.ke").statusCode(200).body("state", equalTo("COMPLETION_CLAIMED"));
        act(taskId, "verification", "zhao.du").statusCode(200).body("state", equalTo("VERIFIED"));
    }

    @Test
    void aClaimNotPendingIsNotWithdrawn() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化履约监管", "2024-12-31", "TIME_BOUND", ""));
        act(taskId, "start", "li.ke").statusCode(200);
        officer("li.ke", UNIT).post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("IN_PROGRESS"))
                .body("allowedTransitions", hasItem("CLAIM_COMPLETION"));
        addEvidence(taskId);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        // decided: a verified claim is no longer the owners' to take back
        act(taskId, "verification", "zhao.du").statusCode(200);
        officer("li.ke", UNIT).post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("VERIFIED"))
                .body("detail", containsString("VERIFIED"));
        given().get("/tasks/" + taskId).then().body("state", equalTo("VERIFIED"));
    }

    @Test
    void anotherUnitAStaleVersionAndAnOverlongReasonAreRefused() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("补足防范风险短板", "2024-12-31", "TIME_BOUND", ""));
        String etag = claimedTask(taskId);
        officer("zhang.ke", "招商局").post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString(UNIT));
        // a supervisor decides on claims; taking one back is the owners' (AccessMatrixTest: every role)
        given().header("X-Actor", "zhao.du").header("X-Test-Roles", "supervisor")
                .post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(403);
        // the task moved on since the claim was read (a supervisor rejected it, the owners claimed again)
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body(Map.of("reason", "佐证材料不全"))
                .post("/tasks/" + taskId + "/completion-rejection").then().statusCode(200);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        officer("li.ke", UNIT).header("If-Match", etag).post("/tasks/" + taskId + "/" + WITHDRAWAL).then()
                .statusCode(412).contentType("application/problem+json").body("currentVersion", not(nullValue()));
        officer("li.ke", UNIT).contentType(ContentType.JSON).body(Map.of("reason", "长".repeat(2001)))
                .post("/tasks/" + taskId + "/" + WITHDRAWAL).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("reason")));
        given().get("/tasks/" + taskId).then().body("state", equalTo("COMPLETION_CLAIMED"))
                .body("lastWithdrawal", nullValue());
    }
}
