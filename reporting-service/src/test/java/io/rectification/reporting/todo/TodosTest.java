package io.rectification.reporting.todo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /todos: each person's 待办 from the events, as of a pinned moment in Asia/Shanghai. */
@QuarkusTest
class TodosTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    final ContractEvents plan = new ContractEvents();
    final String unit = "待办测试局" + UUID.randomUUID().toString().substring(0, 8);
    final UUID area = UUID.randomUUID();
    final UUID problem = UUID.randomUUID();

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void eachPersonSeesWhatNeedsThemFromTheToken() {
        UUID overdue = task(1, "IN_PROGRESS", "2025-03-08", unit);
        UUID dueSoon = task(2, "IN_PROGRESS", "2025-03-14", unit);
        UUID later = task(3, "IN_PROGRESS", "2025-03-30", unit);
        UUID verified = task(4, "VERIFIED", "2025-03-01", unit);
        UUID claimed = task(5, "COMPLETION_CLAIMED", "2025-03-05", unit);
        UUID otherUnit = task(6, "IN_PROGRESS", "2025-03-01", "别的局");
        ObjectNode weekly = plan.task(UUID.randomUUID(), area, problem, 7, "IN_PROGRESS", "2025-06-30")
                .put("responsibleUnit", unit).put("reportingCadence", "WEEKLY")
                .put("lastProgressReportAt", "2025-02-20T10:00:00+08:00");
        ContractEvents.sendTask("TaskUpdated", weekly, 1);
        UUID missingReport = UUID.fromString(weekly.get("id").asText());
        ObjectNode lookBack = plan.task(UUID.randomUUID(), area, problem, 8, "VERIFIED", "2025-01-31")
                .put("responsibleUnit", unit).put("nextLookBackDue", "2025-03-12");
        ContractEvents.sendTask("TaskCompleted", lookBack, 1);
        UUID lookBackDue = UUID.fromString(lookBack.get("id").asText());
        UUID publication = plan.publish("2025-03-01T00:00:00+08:00", "2025-03-31T23:59:59+08:00");
        UUID waiting = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(waiting, publication, "WEB", "RECEIVED",
                        "2025-02-22T09:00:00+08:00").put("category", "COMPLAINT")
                .put("replyDueAt", "2025-03-09T17:00:00+08:00"), 1, Map.of());
        UUID answered = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(answered, publication, "WEB", "ANSWERED",
                        "2025-02-22T09:00:00+08:00").put("answeredAt", "2025-03-01T09:00:00+08:00")
                .put("replyDueAt", "2025-03-09T17:00:00+08:00"), 2, Map.of());

        // 10 March, 01:00 in Shanghai: still 9 March in UTC, so a deadline of the 9th would not be overdue there
        AdjustableClock.pinAt(Instant.parse("2025-03-09T17:00:00Z"));
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos")
                .then().statusCode(200).body("count", equalTo(3)));
        JsonPath mine = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("asOf", equalTo("2025-03-10")).body("dueSoonDays", equalTo(7)).extract().jsonPath();
        // most urgent first: the report expected on 27 February, the deadline of the 8th, then the 14th
        assertEquals(List.of("PROGRESS_REPORT_MISSING", "TASK_OVERDUE", "TASK_DUE_SOON"), mine.getList("items.kind"));
        assertEquals(List.of(missingReport.toString(), overdue.toString(), dueSoon.toString()), mine.getList("items.taskId"));
        assertEquals(List.of(-11, -2, 4), mine.getList("items.daysLeft"));
        assertEquals("任务已逾期", mine.getString("items[1].label"));
        assertEquals("/console/tasks/" + overdue, mine.getString("items[1].link"));
        assertEquals("2025-02-27", mine.getString("items[0].dueDate"));
        assertEquals(1, mine.getInt("byKind.TASK_OVERDUE"));
        for (UUID notMine : List.of(later, verified, claimed, otherUnit, lookBackDue)) {
            assertFalse(mine.getList("items.taskId").contains(notMine.toString()), notMine + " is not the unit's to-do");
        }

        String supervisor = TestTokens.token("ducha-" + unit, "supervisor");
        JsonPath verifier = given().auth().oauth2(supervisor).when().get("/todos").then().statusCode(200).extract().jsonPath();
        assertTrue(verifier.getList("items.findAll { it.kind == 'CLAIM_TO_VERIFY' }.taskId").contains(claimed.toString()));
        assertTrue(verifier.getList("items.findAll { it.kind == 'LOOK_BACK_DUE' }.taskId").contains(lookBackDue.toString()));
        assertFalse(verifier.getList("items.taskId").contains(overdue.toString()), "a supervisor has no unit tasks");

        String coordinator = TestTokens.token("zhengban-" + unit, "coordinator");
        JsonPath office = given().auth().oauth2(coordinator).when().get("/todos").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> replies = office.getList("items.findAll { it.feedbackId == '" + waiting + "' }");
        assertEquals(1, replies.size());
        assertEquals("FEEDBACK_REPLY_OVERDUE", replies.get(0).get("kind"));
        assertEquals("群众反映（投诉）", replies.get(0).get("title"));
        assertEquals(-1, replies.get(0).get("daysLeft"));
        assertEquals("/console/feedback/" + waiting, replies.get(0).get("link"), "to the console's feedback page");
        assertFalse(office.getList("items.feedbackId").contains(answered.toString()), "an answered feedback needs nothing");
        assertFalse(office.getList("items.taskId").contains(claimed.toString()), "claims are the supervisors'");

        // the operator (运维) decides neither claims nor replies: none of them are its to-dos
        JsonPath operator = given().auth().oauth2(TestTokens.token("yunwei-" + unit, "admin")).when().get("/todos")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(operator.getList("items.taskId").contains(claimed.toString()), "claims are the supervisors'");
        assertFalse(operator.getList("items.feedbackId").contains(waiting.toString()), "replies are the office's");

        // an officer without a unit sees no unit's tasks
        given().auth().oauth2(TestTokens.tokenInUnit("nobody", "", "officer")).when().get("/todos")
                .then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void onlyStaffSignedInGetToDos() {
        given().when().get("/todos").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("system", "integration")).when().get("/todos").then().statusCode(403);
    }

    private UUID task(int number, String state, String deadline, String responsibleUnit) {
        UUID id = UUID.randomUUID();
        ContractEvents.sendTask("TaskUpdated", plan.task(id, area, problem, number, state, deadline)
                .put("responsibleUnit", responsibleUnit), 1);
        return id;
    }
}
