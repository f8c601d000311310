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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 延期申请 (the outside reviewer's finding: a unit had no way to ask for a later deadline but to phone
 * the office, and neither the request, its reason nor the decision left a record). An officer of the
 * task's unit asks, the office approves (the deadline moves as the office's own move: TaskDeadlineChanged,
 * lastDeadlineChange) or refuses with a reason; each step published and in the task's history.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DeadlineExtensionRequestTest {

    static final String UNIT = "财政金融局";
    static final String REASON = "受用地报批影响，12个签约项目延后开工，申请延至明年3月底。";
    static final String REQUESTS = "/deadline-extension-requests";

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    private static RequestSpecification officer(String name, String unit) {
        return given().contentType(ContentType.JSON).header("X-Actor", name).header("X-Test-Roles", "officer")
                .header("X-Test-Unit", unit);
    }

    private static RequestSpecification coordinator(String name) {
        return given().contentType(ContentType.JSON).header("X-Actor", name).header("X-Test-Roles", "coordinator");
    }

    private static ValidatableResponse ask(RequestSpecification who, String taskId, String date, String reason) {
        return who.body(Map.of("requestedDeadline", date, "reason", reason)).post("/tasks/" + taskId + REQUESTS).then();
    }

    private static String task(String deadline) {
        return Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("清理拖欠企业账款", deadline, "TIME_BOUND", ""));
    }

    @Test
    void theUnitAsksTheOfficeApprovesAndTheDeadlineMovesAsTheOfficesOwnMove() {
        AdjustableClock.pinAt(Instant.parse("2026-12-05T02:00:00Z"));
        String taskId = task("2026-12-31");
        String requestId;
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            var asked = ask(officer("li.ke", UNIT).header("If-Match", "\"0\""), taskId, "2027-03-31", "  " + REASON + " ")
                    .statusCode(201).contentType(ContentType.JSON)
                    .header("Location", containsString("/tasks/" + taskId + REQUESTS + "/"))
                    .header("ETag", equalTo("\"1\""))
                    .body("status", equalTo("PENDING")).body("requestedDeadline", equalTo("2027-03-31"))
                    .body("deadlineAtRequest", equalTo("2026-12-31")).body("reason", equalTo(REASON))
                    .body("requestedBy", equalTo("li.ke")).body("requestedAt", equalTo("2026-12-05T10:00:00+08:00"))
                    .body("decidedBy", nullValue())
                    .body("task.deadline", equalTo("2026-12-31"))
                    .body("task.pendingDeadlineExtension.requestedDeadline", equalTo("2027-03-31"))
                    .body("task.pendingDeadlineExtension.by", equalTo("li.ke")).extract();
            requestId = asked.path("id");
            given().get(asked.header("Location")).then().statusCode(200).body("id", equalTo(requestId))
                    .body("task", nullValue());
            EventEnvelope requested = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskDeadlineExtensionRequested"), Duration.ofSeconds(30));
            assertEquals(requestId, requested.data().get("requestId").asText());
            assertEquals("2027-03-31", requested.data().get("requestedDeadline").asText());
            assertEquals(REASON, requested.data().get("reason").asText());
            assertEquals(requestId, requested.data().get("task").get("pendingDeadlineExtension").get("id").asText());

            // one at a time: a second request waits for the first's decision
            ask(officer("wang.ke", UNIT), taskId, "2027-06-30", "再延期").statusCode(409)
                    .contentType("application/problem+json").body("pendingRequestId", equalTo(requestId));
            // the unit does not decide its own request, nor do the supervisors
            officer("li.ke", UNIT).post("/tasks/" + taskId + REQUESTS + "/" + requestId + "/approval").then().statusCode(403);
            given().header("X-Test-Roles", "supervisor").contentType(ContentType.JSON)
                    .post("/tasks/" + taskId + REQUESTS + "/" + requestId + "/approval").then().statusCode(403);

            coordinator("zhengban").header("If-Match", "\"1\"").body(Map.of("note", "经领导小组会议研究同意"))
                    .post("/tasks/" + taskId + REQUESTS + "/" + requestId + "/approval").then().statusCode(200)
                    .header("ETag", equalTo("\"2\""))
                    .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("zhengban"))
                    .body("decisionNote", equalTo("经领导小组会议研究同意"))
                    .body("decidedAt", equalTo("2026-12-05T10:00:00+08:00"))
                    .body("task.deadline", equalTo("2027-03-31"))
                    .body("task.pendingDeadlineExtension", nullValue())
                    .body("task.lastDeadlineChange.from", equalTo("2026-12-31"))
                    .body("task.lastDeadlineChange.reason", equalTo("（经申请）" + REASON + "（审批意见：经领导小组会议研究同意）"))
                    .body("task.lastDeadlineChange.by", equalTo("zhengban"));
            EventEnvelope moved = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskDeadlineChanged"),
                    Duration.ofSeconds(30));
            assertEquals("2026-12-31", moved.data().get("previousDeadline").asText());
            assertEquals("（经申请）" + REASON + "（审批意见：经领导小组会议研究同意）", moved.data().get("reason").asText());
            assertEquals("2027-03-31", moved.data().get("task").get("deadline").asText());
            assertEquals(true, moved.data().get("task").get("pendingDeadlineExtension").isNull());
        }

        // decided once: neither approved again nor refused; the decision's time as every other time is
        // written, at +08:00, though PostgreSQL gives it back in UTC (integrity review L6: it said "…Z")
        coordinator("zhengban").post("/tasks/" + taskId + REQUESTS + "/" + requestId + "/approval").then().statusCode(409)
                .body("requestStatus", equalTo("APPROVED")).body("detail", equalTo("this deadline extension request was "
                        + "APPROVED by zhengban at 2026-12-05T10:00:00+08:00 already"));
        coordinator("zhengban").body(Map.of("reason", "不同意")).post("/tasks/" + taskId + REQUESTS + "/" + requestId + "/refusal")
                .then().statusCode(409).body("requestStatus", equalTo("APPROVED"));

        // the history: who asked and why, who approved, the move
        List<Map<String, Object>> trail = given().header("X-Test-Roles", "coordinator").get("/tasks/" + taskId + "/audit")
                .then().statusCode(200).body("action", contains("TaskCreated", "TaskDeadlineExtensionRequested",
                        "TaskDeadlineChanged")).extract().jsonPath().getList("");
        assertEquals("li.ke", trail.get(1).get("actor"));
        assertEquals(REASON, ((Map<?, ?>) ((Map<?, ?>) trail.get(1).get("after")).get("deadlineExtensionRequest")).get("reason"));
        assertEquals("zhengban", trail.get(2).get("actor"));
        given().get("/tasks/" + taskId + REQUESTS).then().statusCode(200).body("$", hasSize(1))
                .body("[0].status", equalTo("APPROVED")).body("[0].decisionNote", equalTo("经领导小组会议研究同意"));
    }

    @Test
    void theOfficeRefusesSayingWhyTheDeadlineStaysAndTheUnitMayAskAgain() {
        AdjustableClock.pinAt(Instant.parse("2026-12-05T02:00:00Z"));
        String taskId = task("2026-12-31");
        String first = ask(officer("li.ke", UNIT), taskId, "2027-01-31", REASON).statusCode(201).extract().path("id");
        String refusal = "/tasks/" + taskId + REQUESTS + "/" + first + "/refusal";
        coordinator("zhengban").body(Map.of("reason", " ")).post(refusal).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        coordinator("zhengban").post(refusal).then().statusCode(400);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            AdjustableClock.pinAt(Instant.parse("2026-12-06T01:00:00Z"));
            coordinator("zhengban").body(Map.of("reason", "用地报批已完成，现有时限内可以完成")).post(refusal).then().statusCode(200)
                    .body("status", equalTo("REFUSED")).body("decisionNote", equalTo("用地报批已完成，现有时限内可以完成"))
                    .body("decidedAt", equalTo("2026-12-06T09:00:00+08:00"))
                    .body("task.deadline", equalTo("2026-12-31")).body("task.pendingDeadlineExtension", nullValue())
                    .body("task.lastDeadlineChange", nullValue());
            EventEnvelope refused = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskDeadlineExtensionRefused"), Duration.ofSeconds(30));
            assertEquals(first, refused.data().get("requestId").asText());
            assertEquals("2027-01-31", refused.data().get("requestedDeadline").asText());
            assertEquals("用地报批已完成，现有时限内可以完成", refused.data().get("reason").asText());
            assertEquals("zhengban", refused.data().get("refusedBy").asText());
        }
        List<Map<String, Object>> trail = given().header("X-Test-Roles", "supervisor").get("/tasks/" + taskId + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<?, ?> last = (Map<?, ?>) trail.get(trail.size() - 1).get("after");
        assertEquals("TaskDeadlineExtensionRefused", trail.get(trail.size() - 1).get("action"));
        assertEquals("REFUSED", ((Map<?, ?>) last.get("deadlineExtensionRequest")).get("status"));
        assertEquals("用地报批已完成，现有时限内可以完成", ((Map<?, ?>) last.get("deadlineExtensionRequest")).get("decisionNote"));

        // decided, it no longer blocks: the unit asks again; the list is newest first
        String second = ask(officer("wang.ke", UNIT), taskId, "2027-01-15", "项目开工时间推迟至1月上旬").statusCode(201)
                .extract().path("id");
        given().header("X-Test-Roles", "officer").get("/tasks/" + taskId + REQUESTS).then().statusCode(200)
                .body("id", contains(second, first)).body("status", contains("PENDING", "REFUSED"));
        given().get("/tasks/" + taskId).then().body("pendingDeadlineExtension.id", equalTo(second));
    }

    @Test
    void onlyTheUnitOrTheOfficeAsksOnlyWhileTheDeadlineRunsAndTheFieldsAreNamed() {
        AdjustableClock.pinAt(Instant.parse("2026-12-05T02:00:00Z"));
        String taskId = task("2026-12-31");
        String path = "/tasks/" + taskId + REQUESTS;
        // another unit's officer, the supervisors (who verify, not plan), the operator
        ask(officer("zhang.ke", "教育局"), taskId, "2027-03-31", REASON).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString(UNIT));
        given().header("X-Test-Roles", "supervisor").contentType(ContentType.JSON)
                .body(Map.of("requestedDeadline", "2027-03-31", "reason", REASON)).post(path).then().statusCode(403);
        // the office may ask for the unit
        String byOffice = ask(coordinator("zhengban"), taskId, "2027-02-28", "代责任单位申请").statusCode(201)
                .body("requestedBy", equalTo("zhengban")).extract().path("id");
        // the office moves the deadline itself meanwhile, past the date asked for: nothing left to approve
        coordinator("zhengban").header("If-Match", "\"1\"")
                .body(Map.of("deadline", "2027-03-31", "deadlineChangeReason", "领导小组会议统一调整"))
                .patch("/tasks/" + taskId).then().statusCode(200).body("pendingDeadlineExtension.id", equalTo(byOffice));
        coordinator("zhengban").post(path + "/" + byOffice + "/approval").then().statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("requestedDeadline"));
        coordinator("zhengban").body(Map.of("reason", "时限已统一调整")).post(path + "/" + byOffice + "/refusal").then()
                .statusCode(200);

        // bad input: 400 naming the field, nothing recorded
        officer("li.ke", UNIT).body(Map.of("reason", REASON)).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("requestedDeadline"));
        officer("li.ke", UNIT).body(Map.of("requestedDeadline", "2027-03-31", "reason", "  ")).post(path).then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        officer("li.ke", UNIT).body(Map.of("requestedDeadline", "2027-03-31", "reason", "延".repeat(1001))).post(path).then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        officer("li.ke", UNIT).body("{\"requestedDeadline\":\"2027-02-29\",\"reason\":\"不是日期\"}").post(path).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("requestedDeadline"));
        ask(officer("li.ke", UNIT), taskId, "2027-03-31", REASON).statusCode(400)
                .body("errors.field", contains("requestedDeadline")).body("errors[0].message", containsString("after"));
        ask(officer("li.ke", UNIT), taskId, "2026-11-30", REASON).statusCode(400)
                .body("errors.field", contains("requestedDeadline"));
        officer("li.ke", UNIT).header("If-Match", "\"0\"").body(Map.of("requestedDeadline", "2027-03-31", "reason", REASON))
                .post(path).then().statusCode(412);
        ask(officer("li.ke", UNIT), "00000000-0000-4000-8000-000000000000", "2027-03-31", REASON).statusCode(404);
        coordinator("zhengban").post(path + "/00000000-0000-4000-8000-000000000000/approval").then().statusCode(404);
        given().get(path).then().body("$", hasSize(1));

        // claimed, or closed out: the deadline no longer runs against the unit (409 in the lifecycle's words)
        officer("li.ke", UNIT).post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        officer("li.ke", UNIT).post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        ask(officer("li.ke", UNIT), taskId, "2027-03-31", REASON).statusCode(409)
                .contentType("application/problem+json").body("state", equalTo("COMPLETION_CLAIMED"))
                .body("allowedTransitions", hasItem("WITHDRAW_CLAIM"))
                .body("detail", containsString("a later deadline cannot be requested"));
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification")
                .then().statusCode(200);
        ask(officer("li.ke", UNIT), taskId, "2027-03-31", REASON).statusCode(409).body("state", equalTo("VERIFIED"));
    }

    /**
     * Days are Asia/Shanghai's: at 00:30 there on 1 March 2028 (16:30 UTC on the leap day) the leap day is
     * past and asking for it is refused, though UTC's date would take it; at 00:30 on the leap day itself,
     * a task due 28 February is overdue and may ask for the leap day; the deadline itself, asked at 23:59
     * on its day, is not "after" it. Approved, a month end is the new deadline and the task is no longer overdue.
     */
    @Test
    void daysAreShanghaisAroundMidnightOnALeapDayAndAMonthEnd() {
        AdjustableClock.pinAt(Instant.parse("2028-02-28T15:59:00Z"));
        String taskId = task("2028-02-28");
        ask(officer("li.ke", UNIT), taskId, "2028-02-28", REASON).statusCode(400)
                .body("errors.field", contains("requestedDeadline"));

        AdjustableClock.pinAt(Instant.parse("2028-02-28T16:30:00Z"));
        given().get("/tasks/" + taskId).then().body("overdue", equalTo(true));
        String leapDay = ask(officer("li.ke", UNIT), taskId, "2028-02-29", REASON).statusCode(201)
                .body("requestedAt", equalTo("2028-02-29T00:30:00+08:00")).extract().path("id");
        coordinator("zhengban").body(Map.of("reason", "一天无济于事，请重新申请"))
                .post("/tasks/" + taskId + REQUESTS + "/" + leapDay + "/refusal").then().statusCode(200);

        AdjustableClock.pinAt(Instant.parse("2028-02-29T16:30:00Z"));
        ask(officer("li.ke", UNIT), taskId, "2028-02-29", REASON).statusCode(400)
                .body("errors.field", contains("requestedDeadline")).body("errors[0].message", containsString("2028-03-01"));
        String monthEnd = ask(officer("li.ke", UNIT), taskId, "2028-03-31", REASON).statusCode(201).extract().path("id");
        coordinator("zhengban").post("/tasks/" + taskId + REQUESTS + "/" + monthEnd + "/approval").then().statusCode(200)
                .body("decisionNote", nullValue())
                .body("task.deadline", equalTo("2028-03-31")).body("task.overdue", equalTo(false))
                .body("task.lastDeadlineChange.from", equalTo("2028-02-28"))
                .body("task.lastDeadlineChange.reason", equalTo("（经申请）" + REASON))
                .body("task.lastDeadlineChange.at", endsWith("+08:00"));
        given().get("/tasks/" + taskId + REQUESTS).then().body("status", contains("APPROVED", "REFUSED"))
                .body("[0].decidedAt", notNullValue());
    }
}
