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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
        // registered by staff at 00:00 in Shanghai: a letter without its time, a call at midnight (the snapshot says which)
        UUID letter = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(letter, publication, "POST", "RECEIVED",
                        "2025-02-23T00:00:00+08:00").put("category", "COMPLAINT").put("receivedTimeGiven", false)
                .put("replyDueAt", "2025-03-09T17:00:00+08:00"), 1, Map.of());
        UUID midnightCall = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(midnightCall, publication, "PHONE", "RECEIVED",
                        "2025-02-23T00:00:00+08:00").put("category", "COMPLAINT").put("receivedTimeGiven", true)
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
        // told apart from the office's other complaints by channel and time (the events carry no tracking code)
        assertEquals("群众反映（投诉） · 网上 · 2025年2月22日 09:00收到", replies.get(0).get("title"));
        assertEquals(-1, replies.get(0).get("daysLeft"));
        assertEquals(List.of("群众反映（投诉） · 来信 · 2025年2月23日收到"),
                office.getList("items.findAll { it.feedbackId == '" + letter + "' }.title"));
        assertEquals(List.of("群众反映（投诉） · 电话 · 2025年2月23日 00:00收到"),
                office.getList("items.findAll { it.feedbackId == '" + midnightCall + "' }.title"));
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

    /**
     * Finding 3 of the consistency review: a look-back that reopens a close-out, and an escalated
     * complaint that registers a problem without measures, reached no one. The unit's officers get
     * 再整改 with the reviewer's reason until they report progress on it (or claim it again); the
     * office gets 制定整改措施 for a problem with no task until its first task comes.
     */
    @Test
    void aReopenedTaskIsTheUnitsUntilItReportsAndAProblemWithoutTasksTheOfficesUntilItHasOne() {
        String reason = "回头看抽查发现3辆公务用车未入库管理-" + unit;
        ObjectNode reopened = plan.task(UUID.randomUUID(), area, problem, 1, "REOPENED", "2025-06-30")
                .put("responsibleUnit", unit).put("reopenCount", 1)
                .put("lastProgressReportAt", "2025-02-20T10:00:00+08:00");
        reopened.putObject("lastReopen").put("reason", reason).put("by", "ducha").put("at", "2025-03-07T15:00:00+08:00");
        ContractEvents.sendTask("TaskReopened", reopened, 5, Map.of("reason", reason, "reviewId", UUID.randomUUID().toString()));
        UUID reopenedId = UUID.fromString(reopened.get("id").asText());
        UUID escalatedArea = plan.registerArea(3, "群众反映方面-" + unit);
        UUID escalated = plan.registerProblem(escalatedArea, 5, "园区道路积水治理不及时-" + unit, "FEEDBACK");

        AdjustableClock.pinAt(Instant.parse("2025-03-09T17:00:00Z")); // 10 March in Shanghai
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos")
                .then().statusCode(200).body("items.findAll { it.kind == 'TASK_REOPENED' }.taskId", equalTo(List.of(reopenedId.toString()))));
        Map<String, Object> todo = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200).extract()
                .jsonPath().getMap("items.find { it.kind == 'TASK_REOPENED' }");
        assertEquals("“回头看”后再整改", todo.get("label"));
        assertEquals(reason, reasonOf(todo).get("note"), "what to do: the reviewer's reason");
        // 期限 is when the work is due, the task's deadline, not the day of the reopening (which read 今日到期)
        assertEquals("2025-06-30", todo.get("dueDate"), "due by the task's deadline");
        assertEquals(112, todo.get("daysLeft"));
        assertEquals("/console/tasks/" + reopenedId, todo.get("link"));
        // not another unit's, nor the supervisors'
        given().auth().oauth2(TestTokens.tokenInUnit("officer-other", "别的局", "officer")).when().get("/todos")
                .then().statusCode(200).body("items.taskId", not(hasItem(reopenedId.toString())));

        String coordinator = TestTokens.token("zhengban-" + unit, "coordinator");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(coordinator).when().get("/todos").then().statusCode(200)
                .body("items.findAll { it.kind == 'PROBLEM_WITHOUT_MEASURES' }.problemId", hasItem(escalated.toString())));
        Map<String, Object> measures = given().auth().oauth2(coordinator).when().get("/todos").then().statusCode(200).extract()
                .jsonPath().getMap("items.find { it.problemId == '" + escalated + "' }");
        assertEquals("制定整改措施", measures.get("label"));
        assertEquals("园区道路积水治理不及时-" + unit, measures.get("title"));
        assertEquals("/console/inspections/" + plan.inspectionId + "/plan", measures.get("link"));
        assertEquals(null, measures.get("dueDate"));
        assertFalse(given().auth().oauth2(officer).when().get("/todos").then().extract().jsonPath()
                .getList("items.kind").contains("PROBLEM_WITHOUT_MEASURES"), "the office drafts measures, not the units");

        // the unit reports on it (after the reopening): taken up; the problem's first task: measures made
        reopened.put("lastProgressReportAt", "2025-03-08T09:00:00+08:00");
        ContractEvents.sendTask("TaskUpdated", reopened, 6);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), escalatedArea, escalated, 1, "PLANNED", "2025-04-30")
                .put("responsibleUnit", "建设管理局"), 0);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("items.kind", not(hasItem("TASK_REOPENED"))));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(coordinator).when().get("/todos").then().statusCode(200)
                .body("items.problemId", not(hasItem(escalated.toString()))));
    }

    /**
     * Review finding 1: a claim the supervisor rejected left the unit's screens (整改中 60 %, nothing in 待办).
     * The unit's officers get 销号申请被驳回 with the rejection's reason, due by the task's deadline, until they
     * report progress after the rejection or claim again (a claim withdrawn since, or one being verified).
     */
    @Test
    void aRejectedClaimIsTheUnitsUntilItReportsOrClaimsAgain() {
        String reason = "佐证材料不全，缺少整改前后对比照片-" + unit;
        ObjectNode rejected = rejectedTask(1, reason, "2025-03-08T10:00:00+08:00");
        ContractEvents.sendTask("TaskCompletionRejected", rejected, 4, Map.of("reason", reason));
        UUID rejectedId = UUID.fromString(rejected.get("id").asText());
        // reported on since the rejection: taken up
        ObjectNode reported = rejectedTask(2, "台账不全", "2025-03-05T10:00:00+08:00")
                .put("lastProgressReportAt", "2025-03-06T09:00:00+08:00");
        ContractEvents.sendTask("TaskUpdated", reported, 5);
        // claimed again since and the claim withdrawn: the rejection was answered by a new claim
        ObjectNode withdrawn = rejectedTask(3, "台账不全", "2025-03-05T10:00:00+08:00");
        withdrawn.putObject("lastWithdrawal").put("reason", "更换材料").put("by", "officer").put("at", "2025-03-07T09:00:00+08:00");
        ContractEvents.sendTask("TaskCompletionClaimWithdrawn", withdrawn, 6, Map.of("reason", "更换材料"));
        // claimed again and waiting for the supervisor
        ObjectNode claimedAgain = rejectedTask(4, "台账不全", "2025-03-05T10:00:00+08:00").put("state", "COMPLETION_CLAIMED");
        ContractEvents.sendTask("TaskCompletionClaimed", claimedAgain, 5);

        AdjustableClock.pinAt(Instant.parse("2025-03-09T17:00:00Z")); // 10 March in Shanghai
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("items.findAll { it.kind == 'CLAIM_REJECTED' }.taskId", equalTo(List.of(rejectedId.toString()))));
        Map<String, Object> todo = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200).extract()
                .jsonPath().getMap("items.find { it.kind == 'CLAIM_REJECTED' }");
        assertEquals("销号申请被驳回", todo.get("label"));
        assertEquals(reason, reasonOf(todo).get("note"), "what to do: the supervisor's reason");
        assertEquals("2025-03-31", todo.get("dueDate"), "due by the task's deadline");
        assertEquals(21, todo.get("daysLeft"));
        assertEquals("/console/tasks/" + rejectedId, todo.get("link"));
        given().auth().oauth2(TestTokens.token("ducha-" + unit, "supervisor")).when().get("/todos").then().statusCode(200)
                .body("items.taskId", not(hasItem(rejectedId.toString())));

        // the unit reports progress after the rejection: taken up
        rejected.put("lastProgressReportAt", "2025-03-09T16:00:00+08:00").put("percentComplete", 80);
        ContractEvents.sendTask("TaskUpdated", rejected, 5);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("items.kind", not(hasItem("CLAIM_REJECTED"))));
    }

    /**
     * Review finding 2: a stage goal (阶段目标) due within the horizon, or past it, of a task its unit still
     * works on is the unit's to-do, named by the goal and the task; not one achieved, nor one of a task
     * claimed (waiting for the supervisor) or closed out, as tasks-service follows goals (a consolidating
     * task's goals still are). Two goals of one task are two reasons of its one entry.
     */
    @Test
    void aStageGoalDueOrPastIsTheUnitsToDo() {
        ObjectNode longTerm = plan.task(UUID.randomUUID(), area, problem, 1, "IN_PROGRESS", "2025-12-31")
                .put("responsibleUnit", unit).put("kind", "LONG_TERM");
        var goals = longTerm.putArray("milestones");
        goals.addObject().put("id", UUID.randomUUID().toString()).put("title", "完成首批清退-" + unit).put("dueDate", "2025-03-08");
        goals.addObject().put("id", UUID.randomUUID().toString()).put("title", "建立长效机制-" + unit).put("dueDate", "2025-03-12");
        goals.addObject().put("id", UUID.randomUUID().toString()).put("title", "摸清底数-" + unit).put("dueDate", "2025-03-01")
                .put("achievedAt", "2025-02-28T10:00:00+08:00");
        goals.addObject().put("id", UUID.randomUUID().toString()).put("title", "全面清退-" + unit).put("dueDate", "2025-04-30");
        ContractEvents.sendTask("TaskUpdated", longTerm, 3);
        UUID longTermId = UUID.fromString(longTerm.get("id").asText());
        ObjectNode consolidating = plan.task(UUID.randomUUID(), area, problem, 2, "CONSOLIDATING", "2025-12-31")
                .put("responsibleUnit", unit).put("kind", "LONG_TERM");
        consolidating.putArray("milestones").addObject().put("id", UUID.randomUUID().toString())
                .put("title", "巩固成效-" + unit).put("dueDate", "2025-03-10");
        ContractEvents.sendTask("TaskConsolidating", consolidating, 3);
        ObjectNode claimed = plan.task(UUID.randomUUID(), area, problem, 3, "COMPLETION_CLAIMED", "2025-12-31")
                .put("responsibleUnit", unit).put("kind", "LONG_TERM");
        claimed.putArray("milestones").addObject().put("id", UUID.randomUUID().toString())
                .put("title", "待核验的目标-" + unit).put("dueDate", "2025-03-01");
        ContractEvents.sendTask("TaskCompletionClaimed", claimed, 3);

        AdjustableClock.pinAt(Instant.parse("2025-03-09T17:00:00Z")); // 10 March in Shanghai
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("items.reasons.stageGoal", equalTo(List.of(List.of("完成首批清退-" + unit, "建立长效机制-" + unit),
                        List.of("巩固成效-" + unit)))));
        List<Map<String, Object>> items = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(List.of("STAGE_GOAL_OVERDUE", "STAGE_GOAL_DUE"), items.stream().map(i -> i.get("kind")).toList());
        assertEquals(List.of("阶段目标已逾期", "阶段目标临近时限"), items.stream().map(i -> i.get("label")).toList());
        assertEquals(List.of("2025-03-08", "2025-03-10"), items.stream().map(i -> i.get("dueDate")).toList());
        assertEquals(List.of(-2, 0), items.stream().map(i -> i.get("daysLeft")).toList());
        assertEquals(longTermId.toString(), items.get(0).get("taskId"), "the task the goals belong to");
        assertEquals("/console/tasks/" + longTermId, items.get(0).get("link"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> goalsOfOne = (List<Map<String, Object>>) items.get(0).get("reasons");
        assertEquals(List.of("STAGE_GOAL_OVERDUE", "STAGE_GOAL_DUE"), goalsOfOne.stream().map(r -> r.get("kind")).toList());
        assertEquals(List.of("2025-03-08", "2025-03-12"), goalsOfOne.stream().map(r -> r.get("dueDate")).toList());
        assertEquals(List.of(-2, 2), goalsOfOne.stream().map(r -> r.get("daysLeft")).toList());
    }

    /**
     * Review of a month's use: a task that needed its unit for several reasons was as many entries (销号申请被驳回
     * and 任务已逾期, 任务已逾期 and 阶段目标已逾期). Now one entry a task, naming every reason in its own words, the most
     * urgent first (the earliest date, then the kinds' order), due by the earliest of them; the count is of entries.
     */
    @Test
    void aTaskNeedingItsUnitForSeveralReasonsIsOneEntryNamingThemAll() {
        String reason = "佐证材料不全，缺少整改前后对比照片-" + unit;
        // rejected on 5 March, its deadline of the 8th past, one goal overdue since the 1st and one due on the 12th
        ObjectNode several = rejectedTask(1, reason, "2025-03-05T10:00:00+08:00").put("deadline", "2025-03-08");
        var goals = several.putArray("milestones");
        goals.addObject().put("id", UUID.randomUUID().toString()).put("title", "完成首批清退-" + unit).put("dueDate", "2025-03-01");
        goals.addObject().put("id", UUID.randomUUID().toString()).put("title", "建立长效机制-" + unit).put("dueDate", "2025-03-12");
        ContractEvents.sendTask("TaskCompletionRejected", several, 4, Map.of("reason", reason));
        UUID severalId = UUID.fromString(several.get("id").asText());
        // rejected and overdue on the same day, the brief's case: the kinds' order puts 任务已逾期 first
        ObjectNode two = rejectedTask(2, "台账不全-" + unit, "2025-03-06T10:00:00+08:00").put("deadline", "2025-03-09");
        ContractEvents.sendTask("TaskCompletionRejected", two, 4, Map.of("reason", "台账不全-" + unit));
        UUID twoId = UUID.fromString(two.get("id").asText());

        AdjustableClock.pinAt(Instant.parse("2025-03-09T17:00:00Z")); // 10 March in Shanghai
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("items.taskId", equalTo(List.of(severalId.toString(), twoId.toString()))));
        JsonPath mine = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("count", equalTo(2)).extract().jsonPath();

        // the entry: its most urgent reason's kind, due by the earliest date
        assertEquals("STAGE_GOAL_OVERDUE", mine.getString("items[0].kind"));
        assertEquals("阶段目标已逾期", mine.getString("items[0].label"));
        assertEquals("2025-03-01", mine.getString("items[0].dueDate"));
        assertEquals(-9, mine.getInt("items[0].daysLeft"));
        assertEquals("/console/tasks/" + severalId, mine.getString("items[0].link"));
        assertEquals("整改任务1", mine.getString("items[0].title"));
        List<Map<String, Object>> reasons = mine.getList("items[0].reasons");
        assertEquals(List.of("STAGE_GOAL_OVERDUE", "TASK_OVERDUE", "CLAIM_REJECTED", "STAGE_GOAL_DUE"),
                reasons.stream().map(r -> r.get("kind")).toList());
        assertEquals(List.of("阶段目标已逾期", "任务已逾期", "销号申请被驳回", "阶段目标临近时限"),
                reasons.stream().map(r -> r.get("label")).toList());
        assertEquals(List.of("2025-03-01", "2025-03-08", "2025-03-08", "2025-03-12"), reasons.stream().map(r -> r.get("dueDate")).toList());
        assertEquals(List.of(-9, -2, -2, 2), reasons.stream().map(r -> r.get("daysLeft")).toList());
        // each in its own words: the goals by their titles, the rejection by the supervisor's reason
        assertEquals("完成首批清退-" + unit, reasons.get(0).get("stageGoal"));
        assertEquals("建立长效机制-" + unit, reasons.get(3).get("stageGoal"));
        assertEquals(reason, reasons.get(2).get("note"));
        assertEquals(null, reasons.get(1).get("note"));

        assertEquals(List.of("TASK_OVERDUE", "CLAIM_REJECTED"), mine.getList("items[1].reasons.kind"));
        assertEquals("TASK_OVERDUE", mine.getString("items[1].kind"));
        assertEquals("台账不全-" + unit, mine.getString("items[1].reasons[1].note"));
        // byKind counts the reasons of each kind, the entries holding them
        assertEquals(2, mine.getInt("byKind.TASK_OVERDUE"));
        assertEquals(2, mine.getInt("byKind.CLAIM_REJECTED"));
        assertEquals(1, mine.getInt("byKind.STAGE_GOAL_OVERDUE"));
    }

    /**
     * tasks-service numbers a 群众反映 problem in its area's one sequence: the task of complaint （三）5. carries
     * its problem's source, so the console names it 群众反映任务（三）5.一是 as the mails do; a finding's
     * says PLAN and reads as it always did.
     */
    @Test
    void aTaskOfAProblemThatIsNoFindingCarriesItsSource() {
        UUID areaThree = plan.registerArea(3, "作风建设方面-" + unit);
        UUID finding = plan.registerProblem(areaThree, 4, "文山会海-" + unit);
        UUID complaint = plan.registerProblem(areaThree, 5, "园区道路积水治理不及时-" + unit, "FEEDBACK");
        UUID ofFinding = UUID.randomUUID();
        ContractEvents.sendTask("TaskUpdated", plan.task(ofFinding, areaThree, finding, 1, "IN_PROGRESS", "2025-03-08")
                .put("responsibleUnit", unit), 1);
        UUID ofComplaint = UUID.randomUUID();
        ContractEvents.sendTask("TaskUpdated", plan.task(ofComplaint, areaThree, complaint, 1, "IN_PROGRESS", "2025-03-12")
                .put("responsibleUnit", unit), 1);

        AdjustableClock.pinAt(Instant.parse("2025-03-09T17:00:00Z")); // 10 March in Shanghai
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .body("items.taskSource", equalTo(List.of("PLAN", "FEEDBACK")))
                .body("items.taskLabel", equalTo(List.of("（三）4.一是", "（三）5.一是"))));
        List<Map<String, Object>> items = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(List.of(ofFinding.toString(), ofComplaint.toString()), items.stream().map(i -> i.get("taskId")).toList());
        assertEquals(List.of("TASK_OVERDUE", "TASK_DUE_SOON"), items.stream().map(i -> i.get("kind")).toList());
    }

    @Test
    void onlyStaffSignedInGetToDos() {
        given().when().get("/todos").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("system", "integration")).when().get("/todos").then().statusCode(403);
    }

    /** The to-do's one reason (a task's entry names each, the most urgent first). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> reasonOf(Map<String, Object> todo) {
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) todo.get("reasons");
        assertEquals(1, reasons.size(), reasons.toString());
        return reasons.get(0);
    }

    /** A task of the unit whose claim a supervisor rejected at {@code at}, its last report before then. */
    private ObjectNode rejectedTask(int number, String reason, String at) {
        ObjectNode task = plan.task(UUID.randomUUID(), area, problem, number, "IN_PROGRESS", "2025-03-31")
                .put("responsibleUnit", unit).put("percentComplete", 60)
                .put("lastProgressReportAt", "2025-03-01T09:00:00+08:00");
        task.putObject("lastRejection").put("reason", reason).put("by", "ducha").put("at", at);
        return task;
    }

    private UUID task(int number, String state, String deadline, String responsibleUnit) {
        UUID id = UUID.randomUUID();
        ContractEvents.sendTask("TaskUpdated", plan.task(id, area, problem, number, state, deadline)
                .put("responsibleUnit", responsibleUnit), 1);
        return id;
    }
}
