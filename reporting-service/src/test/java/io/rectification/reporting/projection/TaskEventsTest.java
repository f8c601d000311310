package io.rectification.reporting.projection;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskEventsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void tasksArriveBeforeTheirAreaAndAnOlderVersionArrivingLateChangesNothing() {
        ContractEvents plan = new ContractEvents();
        UUID areaId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // The task events come first: their area and problem are other aggregates, in no set order.
        ContractEvents.sendTask("TaskCreated", plan.task(first, areaId, problemId, 1, "PLANNED", "2025-03-31"), 1);
        ObjectNode verified = plan.task(first, areaId, problemId, 1, "VERIFIED", "2025-03-31")
                .put("verifiedAt", "2025-03-31T02:00:00Z"); // as a producer wrote it before instants had one form
        ContractEvents.sendTask("TaskVerified", verified, 3);
        // Version 2 arrives after version 3 (another producer instance, a replay): it must be ignored.
        ContractEvents.sendTask("TaskProgressReported", plan.task(first, areaId, problemId, 1, "IN_PROGRESS", "2025-03-31"),
                2, Map.of("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "MONTHLY",
                        "periodStart", "2025-01-01", "periodEnd", "2025-01-31", "percentComplete", 60,
                        "text", "已完成方案制定", "reporter", "李处长", "reportedAt", "2025-02-01T09:00:00+08:00")));
        ContractEvents.sendTask("TaskCreated", plan.task(second, areaId, problemId, 2, "IN_PROGRESS", "2025-02-28")
                .put("kind", "LONG_TERM"), 1);
        ContractEvents.sendWithId(UUID.randomUUID().toString(), EventTopics.TASKS, "AreaRegistered", "Area", areaId, 1,
                Map.of("area", Map.of("id", areaId.toString(), "inspectionId", plan.inspectionId.toString(),
                        "number", 2, "title", "推进管理机制改革不彻底")));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/summary")
                .then().statusCode(200)
                .body("tasks", equalTo(2))
                .body("byState.VERIFIED", equalTo(1))
                .body("byState.IN_PROGRESS", equalTo(1))
                .body("byKind.LONG_TERM", equalTo(1))
                .body("verified", equalTo(1))
                .body("verificationRate", equalTo(0.5f))
                .body("overdue", equalTo(1)));

        // the late version 2 did not overwrite the state, but its progress report (a fact) is kept
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + first)
                .then().statusCode(200)
                .body("state", equalTo("VERIFIED"))
                .body("version", equalTo(3))
                .body("progressReports", hasSize(1))
                .body("progressReports[0].text", equalTo("已完成方案制定"))
                // one form in one answer: the snapshot as carried (Z) and the report read from a column (UTC)
                .body("snapshot.verifiedAt", equalTo("2025-03-31T10:00:00+08:00"))
                .body("progressReports[0].reportedAt", equalTo("2025-02-01T09:00:00+08:00")));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/areas")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].number", equalTo(2))
                .body("[0].title", equalTo("推进管理机制改革不彻底"))
                .body("[0].tasks", equalTo(2))
                .body("[0].percentComplete", equalTo(70))
                .body("[0].overdue", equalTo(1)));

        given().queryParam("inspectionId", plan.inspectionId.toString()).queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/overdue")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].taskId", equalTo(second.toString()))
                .body("items[0].daysOverdue", equalTo(46))
                .body("items[0].areaTitle", equalTo("推进管理机制改革不彻底"));
        given().queryParam("inspectionId", plan.inspectionId.toString()).queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/units")
                .then().statusCode(200)
                .body("[0].name", equalTo("经济发展局"))
                .body("[0].tasks", equalTo(2));
    }

    /**
     * Read models are rebuilt by replaying topics from the beginning: a close-out published as
     * TaskVerified without headers (before 2026-11-30) and one published as TaskCompleted with the
     * CloudEvents binding's headers (as the relay does now) land alike.
     */
    @Test
    void aCloseOutIsReadUnderItsOldAndNewNameWithOrWithoutBindingHeaders() {
        ContractEvents plan = new ContractEvents();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID now = UUID.randomUUID();
        ContractEvents.sendTask("TaskVerified", plan.task(before, area, problem, 1, "VERIFIED", "2025-03-31"), 3);
        ContractEvents.sendTaskWithBindingHeaders("TaskCompleted", plan.task(now, area, problem, 2, "VERIFIED",
                "2025-03-31"), 3);
        for (UUID task : List.of(before, now)) {
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                    .then().statusCode(200)
                    .body("state", equalTo("VERIFIED"))
                    .body("version", equalTo(3)));
        }
    }

    /**
     * 撤回销号申请: the read model follows the task back to the state it was claimed from (here REOPENED),
     * and the claim no longer waits among the supervisors' 待办, nor counts as claimed on the dashboard.
     */
    @Test
    void aWithdrawnClaimTakesTheTaskBackToWhereItWasClaimedFromAndOffTheSupervisorsToDos() {
        ContractEvents plan = new ContractEvents();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskReopened", plan.task(task, area, problem, 1, "REOPENED", "2025-12-31")
                .put("reopenCount", 1), 5, Map.of("reason", "问题反弹回潮", "reviewId", UUID.randomUUID().toString()));
        ContractEvents.sendTask("TaskCompletionClaimed", plan.task(task, area, problem, 1, "COMPLETION_CLAIMED", "2025-12-31")
                .put("reopenCount", 1).put("claimedBy", "li.ke"), 6);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("state", equalTo("COMPLETION_CLAIMED")));
        given().when().get("/todos").then().statusCode(200)
                .body("items.findAll { it.reasons.kind.contains('CLAIM_TO_VERIFY') }.taskId", hasItem(task.toString()));

        ObjectNode withdrawn = plan.task(task, area, problem, 1, "REOPENED", "2025-12-31").put("reopenCount", 1);
        withdrawn.putObject("lastWithdrawal").put("reason", "指标数据尚未复核").put("by", "li.ke")
                .put("at", "2025-04-02T09:00:00+08:00");
        ContractEvents.sendTask("TaskCompletionClaimWithdrawn", withdrawn, 7, Map.of("reason", "指标数据尚未复核"));

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200)
                .body("state", equalTo("REOPENED"))
                .body("version", equalTo(7))
                .body("snapshot.lastWithdrawal.reason", equalTo("指标数据尚未复核")));
        given().when().get("/todos").then().statusCode(200)
                .body("items.findAll { it.reasons.kind.contains('CLAIM_TO_VERIFY') }.taskId", not(hasItem(task.toString())));
        given().queryParam("inspectionId", plan.inspectionId.toString()).when().get("/dashboard/summary")
                .then().statusCode(200)
                .body("byState.REOPENED", equalTo(1))
                .body("byState.COMPLETION_CLAIMED", equalTo(null));
    }

    @Test
    void atRiskCountsNearDeadlinesAndMissedProgressReports() {
        ContractEvents plan = new ContractEvents();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        // deadline within 7 days of 15 April, monthly report on time: at risk
        ContractEvents.sendTask("TaskUpdated", plan.task(UUID.randomUUID(), area, problem, 1, "IN_PROGRESS", "2025-04-20")
                .put("lastProgressReportAt", "2025-04-10T09:00:00+08:00").put("leadOfficial", "王副书记"), 2);
        // weekly report last sent on 1 April: missed, at risk
        ContractEvents.sendTask("TaskUpdated", plan.task(UUID.randomUUID(), area, problem, 2, "IN_PROGRESS", "2025-12-31")
                .put("reportingCadence", "WEEKLY").put("lastProgressReportAt", "2025-04-01T09:00:00+08:00"), 2);
        // weekly report sent on 12 April: fine
        ContractEvents.sendTask("TaskUpdated", plan.task(UUID.randomUUID(), area, problem, 3, "IN_PROGRESS", "2025-12-31")
                .put("reportingCadence", "WEEKLY").put("lastProgressReportAt", "2025-04-12T09:00:00+08:00"), 2);
        // closed out, deadline tomorrow: not at risk
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area, problem, 4, "VERIFIED", "2025-04-16")
                .put("lastProgressReportAt", "2025-04-10T09:00:00+08:00"), 3);
        // overdue is counted as overdue, not at risk
        ContractEvents.sendTask("TaskUpdated", plan.task(UUID.randomUUID(), area, problem, 5, "IN_PROGRESS", "2025-04-01")
                .put("lastProgressReportAt", "2025-04-10T09:00:00+08:00"), 2);

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/summary")
                .then().statusCode(200)
                .body("tasks", equalTo(5))
                .body("atRisk", equalTo(2))
                .body("overdue", equalTo(1))
                .body("completionRate", equalTo(0.2f)));
        // a narrower window: only the deadline rule is left
        given().queryParam("inspectionId", plan.inspectionId.toString()).queryParam("asOf", "2025-04-15")
                .queryParam("riskDays", 3)
                .when().get("/dashboard/summary")
                .then().statusCode(200).body("atRisk", equalTo(1));
        given().queryParam("inspectionId", plan.inspectionId.toString()).queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/officials")
                .then().statusCode(200)
                .body("name", equalTo(List.of("张副主任", "王副书记")))
                .body("[0].tasks", equalTo(4))
                .body("[0].verified", equalTo(1));
        given().queryParam("riskDays", -1).when().get("/dashboard/summary")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDuplicatedEventIsAppliedOnce() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        UUID areaId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, areaId, problemId, 1, "IN_PROGRESS", "2025-06-30"), 1);
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = Map.of("task", plan.task(task, areaId, problemId, 1, "IN_PROGRESS", "2025-06-30"),
                "indicatorId", UUID.randomUUID().toString(), "value", 45, "source", "发文统计台账",
                "recordedAt", "2025-01-05T10:00:00+08:00");
        ContractEvents.sendWithId(eventId, EventTopics.TASKS, "IndicatorRecorded", "Task", task, 2, data);
        ContractEvents.sendWithId(eventId, EventTopics.TASKS, "IndicatorRecorded", "Task", task, 2, data);
        // a later, different value: once it shows, both copies of the first one have been consumed
        ContractEvents.sendTask("IndicatorRecorded", plan.task(task, areaId, problemId, 1, "IN_PROGRESS", "2025-06-30"), 3,
                Map.of("indicatorId", data.get("indicatorId"), "value", 50, "source", "发文统计台账",
                        "recordedAt", "2025-02-05T10:00:00+08:00"));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/dashboard/indicators")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].points", hasSize(2))
                .body("[0].points.value", equalTo(List.of(45, 50)))
                .body("[0].points[0].source", equalTo("发文统计台账")));
    }

    @Test
    void unknownTypesAreIgnoredAndBadMessagesGoToTheDeadLettersWithoutStoppingConsumption() {
        ContractEvents plan = new ContractEvents();
        String unknownId = ContractEvents.send(EventTopics.TASKS, "TaskTeleported", "Task", UUID.randomUUID(), 1,
                Map.of("somewhere", "else"));
        String marker = "不是JSON-" + UUID.randomUUID();
        EventProbe.send(EventTopics.TASKS, "k", "{" + marker);
        String noTaskId = ContractEvents.send(EventTopics.TASKS, "TaskCreated", "Task", UUID.randomUUID(), 1,
                Map.of("nothing", "here"));
        UUID task = UUID.randomUUID();
        ObjectNode snapshot = plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED", "2025-06-30");
        snapshot.put("someFutureField", "新字段"); // unknown members are read past
        ContractEvents.sendTask("TaskCreated", snapshot, 1);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("state", equalTo("PLANNED")));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("limit", 1000).when().get("/dead-letters")
                .then().statusCode(200)
                .body("payload", hasItem(containsString(marker)))
                .body("eventId", hasItem(noTaskId))
                .body("find { it.eventId == '" + noTaskId + "' }.reason", containsString("task"))
                .body("eventId", not(hasItem(unknownId))));
    }

    @Test
    void malformedQueryParametersAreNamed() {
        given().queryParam("inspectionId", "nope").when().get("/dashboard/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("inspectionId"));
        given().queryParam("from", "2025-05-01").queryParam("to", "2025-04-01").when().get("/dashboard/areas")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().when().get("/read-models/tasks/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
