package io.rectification.tasks.events;

import io.rectification.platform.testing.PinnedClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.EventProbe;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.followup.LookBackDueCheck;
import io.rectification.tasks.followup.ProgressReportMissingCheck;
import io.rectification.tasks.followup.FollowUps;
import io.rectification.tasks.followup.OverdueCheck;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What tasks-service really publishes matches docs/events/tasks-events.yaml, event type by event type: each
 * record whole (key, headers, envelope) as its AsyncAPI message, its data strictly (no member the catalogue
 * does not name).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EventContractTest {

    /** A month end: the first look-back falls due on 28 Feb. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-11-30T02:00:00Z");

    static final String CATALOGUE = "tasks-events.yaml";

    /** Types in the catalogue that nothing emits yet. */
    static final Set<String> NOT_YET_EMITTED = Set.of();

    @Inject
    FollowUps followUps;

    @Inject
    OverdueCheck overdue;

    @Inject
    ProgressReportMissingCheck missingReports;

    @Inject
    LookBackDueCheck lookBacks;

    @Test
    void everyPublishedEventMatchesTheCatalogue() throws Exception {
        EventCatalogue catalogue = EventCatalogue.of(CATALOGUE);
        Set<String> ids = new TreeSet<>();
        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String inspectionId = Fixtures.inspection();
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Fixtures.inspectionJson().replace("2024-08-18", "2024-08-19")).put("/inspections/" + inspectionId)
                    .then().statusCode(200);
            String areaId = Fixtures.area(inspectionId, "推进管理机制改革不彻底");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "推进管理机制改革不彻底,统筹推动发展不到位"))
                    .put("/areas/" + areaId).then().statusCode(200);
            String problemId = Fixtures.problem(areaId, "推进机构人事改革");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "推进机构人事改革(修订)"))
                    .put("/problems/" + problemId).then().statusCode(200);
            String taskId = Fixtures.task(problemId, Fixtures.taskJson("积极招聘事业编制人员", "2025-12-31", "LONG_TERM", """
                    "reportingCadence":"MONTHLY","milestones":[{"title":"完成公开招聘","dueDate":"2024-12-31"}],
                    "indicators":[{"name":"空编率","unit":"%","baseline":30,"targetKind":"RELATIVE_PERCENT",
                                   "targetValue":10,"direction":"DECREASE"}]"""));
            ids.addAll(List.of(inspectionId, areaId, problemId, taskId));
            ids.add(given().contentType(ContentType.JSON)
                    .body(Map.of("title", "其他园区机构人事改革同样滞后", "source", "ANALOGY", "extendsProblemId", problemId))
                    .post("/areas/" + areaId + "/problems").then().statusCode(201).extract().path("id"));
            ids.add(given().contentType(ContentType.JSON).body(Map.of("firstResponsible", Map.of("position", "党工委书记", "name", "王书记"),
                            "members", List.of(Map.of("role", "LEADER", "position", "党工委书记", "name", "王书记"),
                                    Map.of("role", "DEPUTY_LEADER", "position", "管委会主任"),
                                    Map.of("role", "MEMBER", "position", "党工委班子成员"))))
                    .put("/inspections/" + inspectionId + "/leading-group").then().statusCode(200).extract().path("id"));
            String outcomeId = given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                            "problemId", problemId, "decidedOn", "2024-11-20", "source", "区纪委监委通报"))
                    .post("/inspections/" + inspectionId + "/accountability/outcomes").then().statusCode(201)
                    .extract().path("id");
            ids.add(outcomeId);
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("outcome", Map.of(
                            "kind", "ADMONISHMENT_TALK", "people", 3, "problemId", problemId, "decidedOn", "2024-11-20",
                            "source", "区纪委监委通报"), "reason", "人数以通报为准"))
                    .put("/inspections/" + inspectionId + "/accountability/outcomes/" + outcomeId).then().statusCode(200);
            String fundsId = given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 12.05,
                            "recordedOn", "2024-12-01", "source", "损失追偿工作台账"))
                    .post("/inspections/" + inspectionId + "/accountability/funds").then().statusCode(201)
                    .extract().path("id");
            ids.add(fundsId);
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("funds", Map.of(
                            "kind", "RECOVERED_FUNDS", "amountWanYuan", 120.5, "recordedOn", "2024-12-01",
                            "source", "损失追偿工作台账"), "reason", "小数点录错，以台账为准"))
                    .put("/inspections/" + inspectionId + "/accountability/funds/" + fundsId).then().statusCode(200);
            given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("reason", "重复录入"))
                    .post("/inspections/" + inspectionId + "/accountability/outcomes/" + outcomeId + "/withdrawal")
                    .then().statusCode(200);
            given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("reason", "重复录入"))
                    .post("/inspections/" + inspectionId + "/accountability/funds/" + fundsId + "/withdrawal")
                    .then().statusCode(200);
            var meeting = given().contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH", "heldOn", "2024-10-08",
                            "chair", "党工委副书记", "topic", "机构人事改革调度", "attendees", List.of("党政办公室主任", "组织人事部部长"),
                            "decisions", List.of(Map.of("text", "月底前完成招聘方案",
                                    "responsibleUnit", "党政办公室", "dueDate", "2024-10-31", "taskId", taskId))))
                    .post("/inspections/" + inspectionId + "/meetings").then().statusCode(201).extract();
            String meetingId = meeting.path("id");
            ids.add(meetingId);
            given().contentType(ContentType.JSON)
                    .post("/meetings/" + meetingId + "/decisions/" + meeting.path("decisions[0].id") + "/completion")
                    .then().statusCode(200);
            given().contentType("application/pdf").body("%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .queryParam("filename", "调度会纪要.pdf").put("/meetings/" + meetingId + "/minutes").then().statusCode(200);
            var task = given().get("/tasks/" + taskId).then().extract();
            String indicatorId = task.path("indicators[0].id");
            String milestoneId = task.path("milestones[0].id");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("deadline", "2026-03-31", "deadlineChangeReason", "招聘计划调整，经领导小组同意延期"))
                    .patch("/tasks/" + taskId).then().statusCode(200);
            // the unit asks for more time and the office refuses (an approval is a TaskDeadlineChanged, above):
            // the deadline stays past, for the overdue notice at the end
            String extensionId = given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                    .body(Map.of("requestedDeadline", "2026-12-31", "reason", "招聘批次调整，申请延期"))
                    .post("/tasks/" + taskId + "/deadline-extension-requests").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).header("X-Actor", "zhengban").body(Map.of("reason", "现有时限内可完成"))
                    .post("/tasks/" + taskId + "/deadline-extension-requests/" + extensionId + "/refusal")
                    .then().statusCode(200);
            given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                    .body(Map.of("cadence", "MONTHLY", "periodStart", "2024-10-01", "periodEnd", "2024-10-31",
                            "text", "公开招聘进行中", "percentComplete", 50))
                    .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
            // a month and more without the next MONTHLY report
            followUps.emit(missingReports, CLOCK.now().plusMonths(2));
            probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskProgressReportMissing"), Duration.ofSeconds(60));
            given().contentType(ContentType.JSON).header("X-Actor", "tongji")
                    .body(Map.of("value", 26.5, "source", "2024年公开招聘结果"))
                    .post("/tasks/" + taskId + "/indicators/" + indicatorId + "/values").then().statusCode(201);
            given().contentType(ContentType.JSON)
                    .body(Map.of("type", "DOCUMENT", "title", "公开招聘公告", "reference", "沈高新人社〔2024〕5号", "date", "2024-09-15"))
                    .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
            given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                    .post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "li.ke").body(Map.of("reason", "佐证材料有误"))
                    .post("/tasks/" + taskId + "/completion-claim-withdrawal").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                    .post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body(Map.of("reason", "阶段性目标未完成"))
                    .post("/tasks/" + taskId + "/completion-rejection").then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .post("/tasks/" + taskId + "/milestones/" + milestoneId + "/achievement").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                    .post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "zhao.du")
                    .post("/tasks/" + taskId + "/verification").then().statusCode(200);
            given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                    .post("/tasks/" + taskId + "/verification").then().statusCode(200);
            // closed out: its first look-back review falls due three months on
            followUps.emit(lookBacks, CLOCK.now().plusMonths(3));
            probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskLookBackDue"), Duration.ofSeconds(60));
            given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                    .body(Map.of("outcome", "REOPENED", "reason", "反弹回潮", "deadline", "2026-12-31"))
                    .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201);

            // an escalated feedback naming an inspection unknown here is answered with a refusal
            String feedbackId = java.util.UUID.randomUUID().toString();
            ids.add(feedbackId);
            EventProbe.send(EventTopics.FEEDBACK, feedbackId, """
                    {"specversion":"1.0","id":"%s","source":"/feedback-service","type":"FeedbackEscalated",
                     "subject":"%s","time":"2025-11-10T02:00:00Z","aggregatetype":"Feedback","aggregateversion":2,
                     "data":{"feedback":{"id":"%s"},"escalation":{"inspectionId":"%s","areaId":null,
                             "title":"征收补偿款未按期兑付","description":"经核实后转办"}}}"""
                    .formatted(java.util.UUID.randomUUID(), feedbackId, feedbackId, java.util.UUID.randomUUID()));
            probe.await(e -> feedbackId.equals(e.subject()) && e.type().equals("FeedbackEscalationRefused"),
                    Duration.ofSeconds(60));

            // 撤销: a task alone, then an area with its problem and that problem's task (children's events first)
            String mistakenArea = Fixtures.area(inspectionId, "误录的反馈意见方面");
            String mistakenProblem = Fixtures.problem(mistakenArea, "误录的问题");
            String alone = Fixtures.task(mistakenProblem, Fixtures.taskJson("重复导入的任务", "2025-12-31", "TIME_BOUND", ""));
            String along = Fixtures.task(mistakenProblem, Fixtures.taskJson("随问题撤销的任务", "2025-12-31", "TIME_BOUND", ""));
            ids.addAll(List.of(mistakenArea, mistakenProblem, alone, along));
            for (String cancelled : List.of("/tasks/" + alone, "/areas/" + mistakenArea)) {
                given().contentType(ContentType.JSON).header("If-Match", given().get(cancelled).then().extract().header("ETag"))
                        .body(Map.of("reason", "计划表重复导入")).post(cancelled + "/cancellation").then().statusCode(200);
            }
            probe.await(e -> mistakenArea.equals(e.subject()) && e.type().equals("AreaCancelled"), Duration.ofSeconds(60));

            // reopened with the rework's deadline (2026-12-31), then past it: overdue, the last event of this task
            followUps.emit(overdue, CLOCK.now().plusMonths(2));
            probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskOverdue"), Duration.ofSeconds(60));
            for (ConsumerRecord<String, String> record : probe.drain(Duration.ofMillis(500))) {
                EventEnvelope event = EventProbe.parse(record.value());
                if (event != null && ids.contains(event.subject())) {
                    published.add(record);
                }
            }
        }

        Set<String> seenTypes = new TreeSet<>();
        for (ConsumerRecord<String, String> record : published) {
            EventEnvelope event = EventProbe.parse(record.value());
            seenTypes.add(event.type());
            // the whole record (key, headers, the envelope as value) as the AsyncAPI message describes it,
            // and its data strictly
            catalogue.assertPublished(record);
            assertEquals(event.type(), EventContract.decode(event).orElseThrow().getClass().getSimpleName(),
                    "read back as its own record");
        }
        Set<String> expected = new TreeSet<>(catalogue.eventTypes());
        expected.removeAll(NOT_YET_EMITTED);
        // TaskVerified is no longer published (TaskCompleted is); it stays in the catalogue for replays.
        expected.removeIf(catalogue::deprecated);
        assertEquals(expected, seenTypes, "every event type of the catalogue is published and checked");
    }

    @Test
    void theCheckRefusesDataThatBreaksTheCatalogue() {
        EventCatalogue catalogue = EventCatalogue.of(CATALOGUE);
        ObjectMapper json = new ObjectMapper();
        ObjectNode area = json.createObjectNode();
        area.putObject("area").put("id", "7d1f9a52-0000-4000-8000-000000000000").put("number", "one").put("title", "方面");
        List<String> violations = catalogue.violations("AreaRegistered", area);
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("$.area") && v.contains("inspectionId")),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("$.area.number") && v.contains("integer")),
                violations.toString());
        area.with("area").put("number", 1).put("inspectionId", "7d1f9a52-0000-4000-8000-000000000001");
        assertEquals(List.of(), catalogue.violations("AreaRegistered", area));
        area.with("area").put("leader", "王某某");
        assertTrue(catalogue.violations("AreaRegistered", area).stream().anyMatch(v -> v.contains("leader")),
                "the producer's check is strict: a member the catalogue does not name is refused");
        area.with("area").remove("leader");

        ObjectNode overdue = json.createObjectNode();
        overdue.putObject("task");
        overdue.put("dueDate", "2024-05-01").put("what", "SOMETIME");
        assertTrue(catalogue.violations("TaskOverdue", overdue).stream().anyMatch(v -> v.startsWith("$.what")),
                "an unknown enum value is refused");
        assertFalse(catalogue.violations("TaskCompleted", json.createObjectNode()).isEmpty());
        AssertionError unknown = assertThrows(AssertionError.class, () -> catalogue.assertMatches(
                new EventEnvelope("1.0", "id", "/tasks-service", "TaskDeleted", "subject", null, "application/json",
                        "Task", 1L, json.createObjectNode())));
        assertTrue(unknown.getMessage().contains("TaskDeleted is not in tasks-events.yaml"), unknown.getMessage());
    }
}
