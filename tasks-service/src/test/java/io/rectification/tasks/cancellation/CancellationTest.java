package io.rectification.tasks.cancellation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.LockWaits;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.followup.FollowUps;
import io.rectification.tasks.followup.OverdueCheck;
import io.rectification.tasks.problem.ProblemInput;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 撤销: the office cancels a task, problem or area entered by mistake. It stays (readable, audited), keeps
 * its state, changes no more, leaves the lists, the roll-ups and the follow-ups, and a re-imported plan
 * does not bring it back; a problem or area takes what is under it along, children's events first, or is
 * refused as a whole.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class CancellationTest {

    /** 30 Nov 2026, 12:00 in Asia/Shanghai: a month's end, long after the fixtures' deadlines. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-11-30T04:00:00Z");

    static final String REASON = "计划表重复导入，与同一问题下一是重复";

    @Inject
    FollowUps followUps;

    @Inject
    OverdueCheck overdue;

    @Inject
    ProblemService problems;

    @Inject
    AreaService areas;

    @Inject
    DataSource dataSource;

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static ValidatableResponse cancel(String path, String etag, Object body) {
        var request = given().contentType(ContentType.JSON).header("X-Actor", "zhang.ban").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post(path + "/cancellation").then();
    }

    private static ValidatableResponse cancel(String path) {
        return cancel(path, etag(path), Map.of("reason", REASON));
    }

    private static String task(String problemId, String title) {
        return Fixtures.task(problemId, Fixtures.taskJson(title, "2024-12-31", "TIME_BOUND", ""));
    }

    private static void report(String taskId, int percent) {
        given().contentType(ContentType.JSON)
                .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                        "text", "欠款台账已建立", "percentComplete", percent))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
    }

    /** Started, reported, evidenced, claimed by li.ke and verified by zhao.du: VERIFIED. */
    private static void closeOut(String taskId) {
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        report(taskId, 100);
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"LEDGER\",\"title\":\"专属欠款台账\",\"reference\":\"沈高新财〔2024〕12号\",\"date\":\"2024-10-08\"}")
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").header("X-Test-Roles", "supervisor").post("/tasks/" + taskId + "/verification")
                .then().statusCode(200).body("state", equalTo("VERIFIED"));
    }

    @Test
    void aCancelledTaskKeepsItsStateChangesNoMoreAndLeavesTheListsAndTheRollUps() throws Exception {
        String problemId = Fixtures.freshProblem();
        String kept = task(problemId, "建立专属欠款台账");
        String mistaken = task(problemId, "建立专属欠款台账（重复）");
        given().post("/tasks/" + mistaken + "/start").then().statusCode(200);
        report(kept, 40);
        report(mistaken, 100);
        given().get("/problems/" + problemId).then().body("percentComplete", equalTo(70));
        String path = "/tasks/" + mistaken;
        String etag = etag(path);

        // the request's rules: If-Match required (428) and current (412), a reason (400), the office only (403)
        cancel(path, null, Map.of("reason", REASON)).statusCode(428).contentType("application/problem+json");
        cancel(path, "\"0\"", Map.of("reason", REASON)).statusCode(412).contentType("application/problem+json");
        cancel(path, etag, Map.of("reason", "  ")).statusCode(400).body("errors[0].field", equalTo("reason"));
        cancel(path, etag, Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        cancel(path, etag, Map.of("reason", "长".repeat(501))).statusCode(400).body("errors[0].field", equalTo("reason"));
        for (String role : List.of("officer", "supervisor")) {
            given().contentType(ContentType.JSON).header("X-Test-Roles", role).header("X-Test-Unit", "财政金融局")
                    .header("If-Match", etag).body(Map.of("reason", REASON))
                    .post(path + "/cancellation").then().statusCode(403);
        }

        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            var answer = cancel(path, etag, Map.of("reason", "  " + REASON + " ")).statusCode(200)
                    .body("state", equalTo("IN_PROGRESS"))
                    .body("allowedTransitions", empty())
                    .body("cancellation.reason", equalTo(REASON))
                    .body("cancellation.by", equalTo("zhang.ban"))
                    .body("cancellation.at", containsString("+08:00"))
                    .extract();
            long version = ((Number) answer.path("version")).longValue();
            assertEquals("\"" + version + "\"", answer.header("ETag"));
            EventEnvelope cancelled = probe.await(e -> mistaken.equals(e.subject()) && e.type().equals("TaskCancelled"),
                    Duration.ofSeconds(30));
            var published = cancelled.data().get("task");
            assertEquals("IN_PROGRESS", published.get("state").asText());
            assertTrue(published.get("allowedTransitions").isEmpty());
            assertFalse(published.get("cancelledAt").isNull());
            assertEquals(version, published.get("version").asLong());
            assertFalse(cancelled.data().toString().contains(REASON), "the reason stays in tasks-service");
        }

        // the audit entry says who cancelled it, when and why
        List<Map<String, Object>> trail = given().header("X-Test-Roles", "supervisor").get("/tasks/" + mistaken + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> last = trail.get(trail.size() - 1);
        assertEquals("TaskCancelled", last.get("action"));
        assertEquals("zhang.ban", last.get("actor"));
        assertEquals(REASON, ((Map<?, ?>) ((Map<?, ?>) last.get("after")).get("cancellation")).get("reason"));

        // it stays readable, and changes no more: 409 with cancelledAt, before any stale If-Match
        given().get(path).then().statusCode(200).body("cancellation.reason", equalTo(REASON));
        cancel(path).statusCode(409).body("cancelledAt", notNullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-14", "periodEnd", "2024-10-20",
                        "text", "继续推进", "percentComplete", 100))
                .post(path + "/progress-reports").then().statusCode(409).body("cancelledAt", notNullValue());
        given().post(path + "/completion-claim").then().statusCode(409).body("cancelledAt", notNullValue());
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"title\":\"改名\"}")
                .patch(path).then().statusCode(409).body("cancelledAt", notNullValue());

        // the lists leave it out unless asked; the problem's percent counts only the task that stands
        given().queryParam("problemId", problemId).get("/tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(kept));
        given().queryParam("problemId", problemId).queryParam("includeCancelled", "true").get("/tasks").then()
                .body("total", equalTo(2)).body("items.id", hasItem(mistaken));
        given().get("/problems/" + problemId + "/tasks").then().body("items.id", contains(kept));
        given().queryParam("includeCancelled", "yes").get("/tasks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("includeCancelled"));
        given().get("/problems/" + problemId).then().body("percentComplete", equalTo(40));
        String inspectionId = given().get("/problems/" + problemId).then().extract().path("inspectionId");
        given().get("/inspections/" + inspectionId + "/task-list").then().statusCode(200).body("taskId", contains(kept));
    }

    @Test
    void aTaskClosedOutIsNotCancelledAndAPendingExtensionRequestIsClosed() {
        String problemId = Fixtures.freshProblem();
        String closed = task(problemId, "建立专属欠款台账");
        closeOut(closed);
        cancel("/tasks/" + closed).statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("VERIFIED")).body("cancelledAt", nullValue());
        given().get("/tasks/" + closed).then().body("cancellation", nullValue());

        String asked = Fixtures.task(problemId, Fixtures.taskJson("补足短板", "2026-12-31", "TIME_BOUND", ""));
        String request = given().contentType(ContentType.JSON).header("X-Test-Roles", "officer")
                .header("X-Test-Unit", "财政金融局")
                .body(Map.of("requestedDeadline", "2027-03-31", "reason", "资金未到位"))
                .post("/tasks/" + asked + "/deadline-extension-requests").then().statusCode(201).extract().path("id");
        cancel("/tasks/" + asked).statusCode(200).body("pendingDeadlineExtension", nullValue());
        given().get("/tasks/" + asked + "/deadline-extension-requests/" + request).then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("decidedBy", equalTo("zhang.ban"));
    }

    @Test
    void aProblemTakesItsTasksAlongTheirEventsFirstOrIsRefusedAsAWhole() throws Exception {
        String problemId = Fixtures.freshProblem();
        String first = task(problemId, "强化思想认识");
        String second = task(problemId, "全力解决政府失信问题");
        long firstVersion = ((Number) given().get("/tasks/" + first).then().extract().path("version")).longValue();
        long secondVersion = ((Number) given().get("/tasks/" + second).then().extract().path("version")).longValue();
        long problemVersion = ((Number) given().get("/problems/" + problemId).then().extract().path("version")).longValue();

        // sent with an Idempotency-Key, and sent again after a lost answer: the first answer again, nothing twice
        String key = UUID.randomUUID().toString();
        String problemEtag = etag("/problems/" + problemId);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("X-Actor", "zhang.ban").header("If-Match", problemEtag)
                    .header("Idempotency-Key", key).body(Map.of("reason", REASON))
                    .post("/problems/" + problemId + "/cancellation").then().statusCode(200)
                    .body("cancellation.reason", equalTo(REASON)).body("version", equalTo((int) problemVersion + 1));
        }
        assertEquals(List.of("TaskCancelled " + first, "TaskCancelled " + second, "ProblemCancelled " + problemId),
                outboxOf(List.of(first, second, problemId)));
        given().get("/tasks/" + first).then().body("version", equalTo((int) firstVersion + 1))
                .body("cancellation.reason", equalTo(REASON));
        given().get("/tasks/" + second).then().body("version", equalTo((int) secondVersion + 1));
        String areaId = given().get("/problems/" + problemId).then().extract().path("areaId");
        given().get("/areas/" + areaId + "/problems").then().body("total", equalTo(0));
        given().queryParam("includeCancelled", "true").get("/areas/" + areaId + "/problems").then()
                .body("items.id", contains(problemId));
        // nothing is added under it, and it is not cancelled twice
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("新任务", "2024-12-31", "TIME_BOUND", ""))
                .post("/problems/" + problemId + "/tasks").then().statusCode(409).body("cancelledAt", notNullValue());
        cancel("/problems/" + problemId).statusCode(409).body("cancelledAt", notNullValue());

        // a task closed out holds its problem back, nothing changed
        String heldBack = Fixtures.freshProblem();
        String open = task(heldBack, "建立长效机制");
        String closed = task(heldBack, "清退违规收费");
        closeOut(closed);
        String before = etag("/tasks/" + open);
        cancel("/problems/" + heldBack).statusCode(409).contentType("application/problem+json")
                .body("closedTasks.id", contains(closed)).body("closedTasks[0].state", equalTo("VERIFIED"))
                .body("closedTasks[0].number", equalTo(2));
        assertEquals(before, etag("/tasks/" + open));
        given().get("/tasks/" + open).then().body("cancellation", nullValue());

        // so does an accountability record that names it, until it is withdrawn (撤销登记)
        String named = Fixtures.freshProblem();
        String inspectionId = given().get("/problems/" + named).then().extract().path("inspectionId");
        String base = "/inspections/" + inspectionId + "/accountability";
        var outcome = given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                        "problemId", named, "decidedOn", "2024-11-20", "source", "区纪委监委通报(2024)12号"))
                .post(base + "/outcomes").then().statusCode(201).extract();
        String outcomeId = outcome.path("id");
        cancel("/problems/" + named).statusCode(409).body("accountabilityRecords", contains(outcomeId));
        given().contentType(ContentType.JSON).header("If-Match", outcome.header("ETag")).body(Map.of("reason", "重复录入"))
                .post(base + "/outcomes/" + outcomeId + "/withdrawal").then().statusCode(200);
        cancel("/problems/" + named).statusCode(200);
        // and no accountability record names it from then on
        given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 1,
                        "problemId", named, "decidedOn", "2024-11-21", "source", "区纪委监委通报(2024)13号"))
                .post(base + "/outcomes").then().statusCode(409).body("cancelledAt", notNullValue());

        // a 举一反三 problem that stands holds back the finding it extends, until it is cancelled itself
        String finding = Fixtures.freshProblem();
        String findingArea = given().get("/problems/" + finding).then().extract().path("areaId");
        String analogy = given().contentType(ContentType.JSON)
                .body(Map.of("title", "其他园区同样存在", "source", "ANALOGY", "extendsProblemId", finding))
                .post("/areas/" + findingArea + "/problems").then().statusCode(201).extract().path("id");
        cancel("/problems/" + finding).statusCode(409).body("extendedBy", contains(analogy));
        cancel("/problems/" + analogy).statusCode(200);
        given().get("/problems/" + finding + "/extensions").then().statusCode(200).body("extensions", empty());
        cancel("/problems/" + finding).statusCode(200);
        // and a finding entered by mistake is not extended afterwards
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "其他园区同样存在", "source", "ANALOGY", "extendsProblemId", finding))
                .post("/areas/" + findingArea + "/problems").then().statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("extendsProblemId"))
                .body("cancelledAt", notNullValue());

        // escalated public feedback is feedback-service's to answer: never cancelled
        String feedbackArea = Fixtures.area(Fixtures.inspection(), "群众反映问题");
        UUID fromFeedback = QuarkusTransaction.requiringNew().call(() -> problems.registerProblem(
                areas.requireEntity(UUID.fromString(feedbackArea)), new ProblemInput("停车难问题", "群众来信反映", null, null),
                ProblemSource.FEEDBACK, UUID.randomUUID()).id());
        cancel("/problems/" + fromFeedback).statusCode(409).body("source", equalTo("FEEDBACK"));
    }

    /**
     * A 举一反三 problem registered while the office cancels the finding it extends. Each checks the other's
     * side (the finding stands; nothing extends it), so were they to run side by side both would go through: a
     * cancelled finding extended by a standing problem. They do not: every writer of the ledger takes the audit
     * chain's lock before its first statement (AuditLockFirst), so the cancellation waits (seen waiting in
     * PostgreSQL, not timed) and then reads the extension and refuses.
     */
    @Test
    void aCancellationWaitsForAProblemAddedMeanwhileAndThenSeesIt() throws Exception {
        String finding = Fixtures.freshProblem();
        String areaId = given().get("/problems/" + finding).then().extract().path("areaId");
        String findingEtag = etag("/problems/" + finding);
        var cancelling = new AtomicReference<CompletableFuture<ExtractableResponse<?>>>();
        UUID analogy = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = problems.registerProblem(UUID.fromString(areaId),
                    new ProblemInput("其他园区同样存在", null, ProblemSource.ANALOGY, UUID.fromString(finding))).id();
            cancelling.set(CompletableFuture.supplyAsync(() -> cancel("/problems/" + finding,
                    findingEtag, Map.of("reason", REASON)).extract()));
            // not committed yet: the cancellation waits for the chain's lock this transaction holds (or is done)
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> cancelling.get().isDone() || cancellationWaitsForALock());
            return id;
        });
        var answer = cancelling.get().get(30, TimeUnit.SECONDS);
        assertEquals(409, answer.statusCode(), "the cancellation read the 举一反三 problem committed while it waited");
        assertEquals(List.of(analogy.toString()), answer.path("extendedBy"));
        given().get("/problems/" + finding).then().body("cancellation", nullValue());
        given().get("/problems/" + analogy).then().body("cancellation", nullValue()).body("extendsProblemId", equalTo(finding));
    }

    /** Whether a session of this database waits for a lock: the cancellation's request, here. */
    private boolean cancellationWaitsForALock() throws SQLException {
        return LockWaits.in(dataSource) > 0;
    }

    @Test
    void anAreaTakesItsProblemsAndTasksAlongOrNamesTheProblemsThatHoldItBack() throws Exception {
        String inspectionId = Fixtures.inspection();
        String areaId = Fixtures.area(inspectionId, "推进管理机制改革不彻底");
        String standing = Fixtures.area(inspectionId, "统筹推动发展不到位");
        String p1 = Fixtures.problem(areaId, "做好优化营商环境重点工作");
        String p2 = Fixtures.problem(areaId, "推进机构人事改革");
        String t1 = task(p1, "强化思想认识");
        String t2 = task(p2, "积极招聘事业编制人员");
        cancel("/areas/" + areaId).statusCode(200).body("cancellation.by", equalTo("zhang.ban"));
        assertEquals(List.of("TaskCancelled " + t1, "ProblemCancelled " + p1, "TaskCancelled " + t2,
                "ProblemCancelled " + p2, "AreaCancelled " + areaId), outboxOf(List.of(t1, t2, p1, p2, areaId)));
        given().get("/inspections/" + inspectionId + "/areas").then().body("items.id", contains(standing));
        given().queryParam("includeCancelled", "true").get("/inspections/" + inspectionId + "/areas").then()
                .body("total", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("title", "新问题", "description", "反馈意见原文"))
                .post("/areas/" + areaId + "/problems").then().statusCode(409).body("cancelledAt", notNullValue());

        // an area one of whose problems may not go is refused as a whole, naming it
        String heldBack = Fixtures.area(inspectionId, "落实主体责任不到位");
        String free = Fixtures.problem(heldBack, "问题一");
        String held = Fixtures.problem(heldBack, "问题二");
        task(free, "任务一");
        closeOut(task(held, "任务二"));
        cancel("/areas/" + heldBack).statusCode(409).body("problems.problemId", contains(held))
                .body("problems[0].number", equalTo(2)).body("problems[0].closedTasks", not(empty()));
        given().get("/problems/" + free).then().body("cancellation", nullValue());
    }

    @Test
    void noOverdueNoticeIsDueOnACancelledTask() {
        String problemId = Fixtures.freshProblem();
        String late = task(problemId, "强化履约监管");
        String cancelled = task(problemId, "强化履约监管（重复）");
        cancel("/tasks/" + cancelled).statusCode(200).body("overdue", equalTo(false));
        given().get("/tasks/" + late).then().body("overdue", equalTo(true));
        given().queryParam("problemId", problemId).queryParam("overdue", "true").queryParam("includeCancelled", "true")
                .get("/tasks").then().body("items.id", contains(late));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            followUps.emit(overdue, CLOCK.now());
            probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskOverdue"), Duration.ofSeconds(60));
            List<String> ofCancelled = probe.drain(Duration.ofSeconds(2)).stream().map(ConsumerRecord::value)
                    .map(EventProbe::parse).filter(Objects::nonNull)
                    .filter(e -> cancelled.equals(e.subject())).map(EventEnvelope::type).toList();
            assertFalse(ofCancelled.contains("TaskOverdue"), ofCancelled.toString());
        }
    }

    /** Area 1, problem 1 with {@code tasks}. */
    private static String plan(String team, String... tasks) {
        return """
                {"inspection":{"title":"省委第七巡视组专项巡视沈阳高新区","team":"%s",
                               "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL",
                               "onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20","feedbackDate":"2024-08-18"},
                 "areas":[{"title":"贯彻落实党中央决策部署和省委要求不到位","problems":[
                      {"title":"做好优化营商环境重点工作","tasks":[%s]}]}]}"""
                .formatted(team, String.join(",", java.util.Arrays.stream(tasks)
                        .map(t -> Fixtures.taskJson(t, "2024-12-31", "TIME_BOUND", "")).toList()));
    }

    @Test
    void aReImportedPlanDoesNotBringBackWhatWasCancelled() {
        String team = Fixtures.uniqueTeam();
        String inspectionId = given().contentType(ContentType.JSON).body(plan(team, "强化思想认识", "强化思想认识（重复）"))
                .post("/plans").then().statusCode(201).extract().path("inspectionId");
        String duplicate = given().queryParam("inspectionId", inspectionId).queryParam("sort", "number").get("/tasks")
                .then().extract().path("items[1].id");
        cancel("/tasks/" + duplicate).statusCode(200);

        // the same plan again: the cancelled row is a CONFLICT saying when it was cancelled, not brought back
        given().contentType(ContentType.JSON).body(plan(team, "强化思想认识", "强化思想认识（重复）"))
                .queryParam("dryRun", "true").post("/plans").then().statusCode(200)
                .body("conflicting", equalTo(1))
                .body("rows.find { it.key == '1.1.2' }.status", equalTo("CONFLICT"))
                .body("rows.find { it.key == '1.1.2' }.reason", containsString("撤销"))
                .body("rows.find { it.key == '1.1.2' }.reason", containsString("2026-11-30"));
        // a plan without it: not REMOVED, not reported at all
        given().contentType(ContentType.JSON).body(plan(team, "强化思想认识")).post("/plans").then().statusCode(200)
                .body("removed", equalTo(0)).body("rows.key", not(hasItem("1.1.2")))
                .body("rows.status", not(hasItem("REMOVED")));
        // and the plan taken out leaves it out
        String exported = given().get("/inspections/" + inspectionId + "/plan.csv").then().statusCode(200).extract().asString();
        assertFalse(exported.contains("强化思想认识（重复）"), exported);
        assertTrue(exported.contains("强化思想认识"), exported);
    }

    private static String csvRow(String title) {
        return "推进管理机制改革不彻底,推进机构人事改革," + title + ",\"实行限额管理,动态核减\",管委会主任,组织人事部负责人,组织人事部,"
                + "2024-12-31,TIME_BOUND,WEEKLY,,\r\n";
    }

    @Test
    void aReImportedBreakdownTableDoesNotBringBackWhatWasCancelled() {
        String table = "反馈意见方面,具体问题,整改任务,整改措施,牵头领导,具体责任人,责任单位,完成时限,任务类型,调度频次,阶段性目标,整改进展\r\n"
                + csvRow("积极招聘事业编制人员") + csvRow("完成编制外人员清退工作");
        String inspectionId = Fixtures.inspection();
        String rows = "/inspections/" + inspectionId + "/plan-rows";
        given().contentType("text/csv").body(table.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(rows)
                .then().statusCode(201).body("added", equalTo(2));
        var tasks = given().queryParam("inspectionId", inspectionId).queryParam("sort", "number").get("/tasks").then().extract();
        String problemId = tasks.path("items[1].problemId");
        cancel("/tasks/" + tasks.<String>path("items[1].id")).statusCode(200);

        // its title matches only what was cancelled: a CONFLICT named by row and column, nothing stored
        given().contentType("text/csv").body(table.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(rows)
                .then().statusCode(409).body("errors.field", contains("row 3.整改任务"))
                .body("errors[0].message", containsString("撤销"));
        given().queryParam("inspectionId", inspectionId).queryParam("includeCancelled", "true").get("/tasks").then()
                .body("total", equalTo(2));
        // entered anew, it takes the next number (numbers are never reused) and the table's row is matched with
        // it, the one that stands (CHANGED: the fixture's cells are not the table's), not with the cancelled one
        String anew = given().contentType(ContentType.JSON)
                .body(Fixtures.taskJson("完成编制外人员清退工作", "2024-12-31", "TIME_BOUND", ""))
                .post("/problems/" + problemId + "/tasks").then().statusCode(201).body("number", equalTo(3))
                .extract().path("id");
        given().contentType("text/csv").body(table.getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("dryRun", "true")
                .post(rows).then().statusCode(200).body("rows.status", contains("UNCHANGED", "CHANGED"))
                .body("conflicts.message", everyItem(containsString(anew)));
    }

    /** "type subject" of the outbox's events of {@code ids}, in the order they were appended. */
    private List<String> outboxOf(List<String> ids) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT event_type, aggregate_id FROM outbox_event WHERE aggregate_id = ANY (?) AND event_type LIKE '%Cancelled'"
                        + " ORDER BY seq")) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        assertNotNull(found);
        return found;
    }
}
