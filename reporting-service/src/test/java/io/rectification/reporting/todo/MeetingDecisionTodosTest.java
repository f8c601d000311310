package io.rectification.reporting.todo;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 会议议定事项 of dispatch and special meetings as 待办 of their responsible unit, until done. */
@QuarkusTest
class MeetingDecisionTodosTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    final ContractEvents plan = new ContractEvents();
    final String unit = "议定事项局" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void decisionsDueOrOverdueAreTheUnitsToDosUntilDone() {
        UUID meeting = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 3, "IN_PROGRESS",
                "2025-06-30").put("responsibleUnit", unit), 1);
        Map<String, Object> overdue = decision("建立专属欠款台账", unit, "2025-03-08", task, false);
        Map<String, Object> dueSoon = decision("组建企业管家团队", unit, "2025-03-14", null, false);
        Map<String, Object> later = decision("制定兑付计划", unit, "2025-04-30", null, false);
        Map<String, Object> otherUnit = decision("规范签约流程", "别的局", "2025-03-01", null, false);
        send("MeetingHeld", meeting, 0, List.of(overdue, dueSoon, later, otherUnit), Map.of());

        // 10 March in Shanghai
        AdjustableClock.pinAt(Instant.parse("2025-03-10T02:00:00Z"));
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos")
                .then().statusCode(200).body("byKind.MEETING_DECISION_OVERDUE", equalTo(1)));
        JsonPath mine = given().auth().oauth2(officer).when().get("/todos").then().extract().jsonPath();
        List<Map<String, Object>> decisions = mine.getList("items.findAll { it.reasons.any { r -> r.kind.startsWith('MEETING_DECISION') } }");
        // one about a task is a reason of the task's to-do, in the decision's words; one about no task is titled by them
        assertEquals(List.of("整改任务3", "组建企业管家团队"), decisions.stream().map(d -> d.get("title")).toList());
        assertEquals(List.of("建立专属欠款台账"), mine.getList("items.find { it.taskId == '" + task + "' }.reasons"
                + ".findAll { it.kind == 'MEETING_DECISION_OVERDUE' }.note"));
        assertEquals(List.of("会议议定事项已逾期", "会议议定事项临近时限"), mine.getList("items.reasons.flatten()"
                + ".findAll { it.kind.startsWith('MEETING_DECISION') }.label"));
        assertEquals(List.of(-2, 4), mine.getList("items.reasons.flatten().findAll { it.kind.startsWith('MEETING_DECISION') }.daysLeft"));
        assertEquals(null, mine.getString("items.find { it.title == '组建企业管家团队' }.reasons[0].note"));
        assertEquals("/console/tasks/" + task, decisions.get(0).get("link"));
        assertEquals(3, decisions.get(0).get("taskNumber"));
        assertEquals("/console/meetings/" + meeting, decisions.get(1).get("link"));

        // the overdue one done: gone
        overdue.put("done", true);
        overdue.put("doneAt", "2025-03-10T09:00:00+08:00");
        send("MeetingDecisionCompleted", meeting, 1, List.of(overdue, dueSoon, later, otherUnit),
                Map.of("decisionId", overdue.get("id")));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos")
                .then().statusCode(200).body("byKind.MEETING_DECISION_OVERDUE", equalTo(null))
                .body("byKind.MEETING_DECISION_DUE", equalTo(1)));
    }

    private void send(String type, UUID meeting, long version, List<Map<String, Object>> decisions, Map<String, Object> more) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", meeting.toString());
        snapshot.put("version", version);
        snapshot.put("inspectionId", plan.inspectionId.toString());
        snapshot.put("kind", "WEEKLY_DISPATCH");
        snapshot.put("heldOn", "2025-03-03");
        snapshot.put("chair", "管委会主任");
        snapshot.put("topic", "周调度");
        snapshot.put("decisions", decisions);
        Map<String, Object> data = new LinkedHashMap<>(more);
        data.put("meeting", snapshot);
        ContractEvents.send(EventTopics.TASKS, type, "Meeting", meeting, version, data);
    }

    private static Map<String, Object> decision(String text, String unit, String due, UUID task, boolean done) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("id", UUID.randomUUID().toString());
        decision.put("text", text);
        decision.put("responsibleUnit", unit);
        decision.put("dueDate", due);
        decision.put("taskId", task == null ? null : task.toString());
        decision.put("done", done);
        decision.put("doneAt", null);
        return decision;
    }
}
