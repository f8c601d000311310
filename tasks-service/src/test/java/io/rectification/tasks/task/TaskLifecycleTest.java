package io.rectification.tasks.task;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.ids.TimeOrderedIds;
import io.rectification.platform.testing.EventProbe;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskLifecycleTest {

    static final String EVIDENCE = """
            {"type":"LEDGER","title":"专属欠款台账","reference":"沈高新财〔2024〕12号","date":"2024-10-08"}""";

    private static ValidatableResponse act(String taskId, String action, String actor) {
        var request = given().contentType(ContentType.JSON);
        if (actor != null) {
            request.header("X-Actor", actor);
        }
        return request.when().post("/tasks/" + taskId + "/" + action).then();
    }

    @Test
    void taskGoesFromPlannedToVerifiedWithEvidenceAndASecondPerson() {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("全力解决政府失信问题", "2024-12-31", "TIME_BOUND", ""));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            act(taskId, "start", null).statusCode(200).body("state", equalTo("IN_PROGRESS"));
            JsonPath reported = given().contentType(ContentType.JSON)
                    // header values are Latin-1: a Chinese name travels percent-encoded
                    .header("X-Actor", URLEncoder.encode("李科长", StandardCharsets.UTF_8))
                    .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                            "text", "已建立欠款台账,兑付程序推进中", "percentComplete", 60))
                    .when().post("/tasks/" + taskId + "/progress-reports")
                    .then().statusCode(201).body("task.percentComplete", equalTo(60))
                    .body("report.reporter", equalTo("李科长")).extract().jsonPath();
            String reportedAt = reported.getString("report.reportedAt");
            // a report's id is in time order (version 7), at the report's own millisecond
            UUID reportId = UUID.fromString(reported.getString("report.id"));
            assertEquals(7, reportId.version());
            assertEquals(OffsetDateTime.parse(reportedAt).toInstant().toEpochMilli(), TimeOrderedIds.millisOf(reportId),
                    reportId + " made at " + reportedAt);
            // the time answered is the time read back, to the digit (the database keeps microseconds, and
            // the clock ticks in them; a command once answered nanoseconds)
            assertEquals(reportedAt, given().get("/tasks/" + taskId + "/progress-reports").then().statusCode(200)
                    .extract().path("[0].reportedAt"));
            given().get("/problems/" + problemId).then().body("percentComplete", equalTo(60));

            // no claim without evidence: claimed, the task would take none, and verification needs it
            act(taskId, "completion-claim", "li.ke").statusCode(409).body("missing", hasItem("evidence"))
                    .body("detail", containsString("claiming completion"));
            given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence")
                    .then().statusCode(201).body("type", equalTo("LEDGER"));
            act(taskId, "completion-claim", "li.ke").statusCode(200).body("state", equalTo("COMPLETION_CLAIMED"));
            // the claimant cannot verify their own claim
            act(taskId, "verification", "li.ke").statusCode(403).contentType("application/problem+json");
            // a note sent as text is refused (415), not dropped with the task closed out regardless
            given().header("X-Actor", "zhao.du").contentType("text/plain").body("已核实，同意销号")
                    .when().post("/tasks/" + taskId + "/verification")
                    .then().statusCode(415).contentType("application/problem+json");
            given().get("/tasks/" + taskId).then().body("state", equalTo("COMPLETION_CLAIMED"));
            // a bare POST (no body, no type: the console's button) closes it out without a note
            given().header("X-Actor", "zhao.du").when().post("/tasks/" + taskId + "/verification").then().statusCode(200)
                    .body("state", equalTo("VERIFIED")).body("percentComplete", equalTo(100))
                    .body("verifiedAt", notNullValue());

            EventEnvelope verified = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskCompleted"),
                    Duration.ofSeconds(30));
            assertEquals("Task", verified.aggregatetype());
            assertEquals("VERIFIED", verified.data().get("task").get("state").asText());
            assertEquals(verified.aggregateversion().longValue(), verified.data().get("task").get("version").asLong());
            probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskProgressReported")
                    && e.data().get("report").get("percentComplete").asInt() == 60, Duration.ofSeconds(30));
        }
    }

    @Test
    void illegalTransitionIs409ListingWhatIsAllowed() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化服务意识", "2024-12-31", "IMMEDIATE", ""));
        act(taskId, "verification", "zhao.du").statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("PLANNED"))
                .body("allowedTransitions", containsInAnyOrder("START"));
        act(taskId, "start", null).statusCode(200);
        act(taskId, "start", null).statusCode(409).body("allowedTransitions", containsInAnyOrder("CLAIM_COMPLETION"));
    }

    @Test
    void aTimeBoundOrImmediateTaskIsNeverOfferedConsolidation() {
        for (String kind : new String[] {"TIME_BOUND", "IMMEDIATE"}) {
            String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("规范合同管理", "2024-12-31", kind, ""));
            act(taskId, "start", null).statusCode(200);
            given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
            act(taskId, "completion-claim", "li.ke").statusCode(200)
                    .body("allowedTransitions", contains("REJECT_COMPLETION", "VERIFY", "WITHDRAW_CLAIM"));
            act(taskId, "start", null).statusCode(409).body("kind", equalTo(kind))
                    .body("allowedTransitions", contains("REJECT_COMPLETION", "VERIFY", "WITHDRAW_CLAIM"));
            given().get("/tasks/" + taskId).then().statusCode(200)
                    .body("allowedTransitions", not(hasItem("CONSOLIDATE")));
        }
    }

    @Test
    void rejectedClaimGoesBackToInProgressWithTheReason() {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("强化履约监管", "2024-12-31", "TIME_BOUND", ""));
        act(taskId, "start", null).statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                        "text", "履约台账已建立", "percentComplete", 100))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201).body("task.percentComplete", equalTo(100));
        given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body(Map.of("reason", ""))
                .post("/tasks/" + taskId + "/completion-rejection").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body(Map.of("reason", "佐证材料不全"))
                    .post("/tasks/" + taskId + "/completion-rejection").then().statusCode(200)
                    .body("state", equalTo("IN_PROGRESS"))
                    // not accepted as done: below 100, so no roll-up counts it as finished
                    .body("percentComplete", equalTo(99));
            given().get("/problems/" + problemId).then().body("percentComplete", equalTo(99));
            EventEnvelope rejected = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskCompletionRejected"), Duration.ofSeconds(30));
            assertEquals("佐证材料不全", rejected.data().get("reason").asText());
            assertEquals("佐证材料不全", rejected.data().get("task").get("lastRejection").get("reason").asText());
        }
        // the owner's unit reads why, and still does after claiming again
        given().header("X-Actor", "li.ke").header("X-Test-Roles", "officer").header("X-Test-Unit", "财政金融局")
                .get("/tasks/" + taskId).then().statusCode(200)
                .body("lastRejection.reason", equalTo("佐证材料不全"))
                .body("lastRejection.by", equalTo("zhao.du"))
                .body("lastRejection.at", notNullValue());
        act(taskId, "completion-claim", "li.ke").statusCode(200)
                .body("state", equalTo("COMPLETION_CLAIMED"))
                .body("lastRejection.reason", equalTo("佐证材料不全"));
    }

    /**
     * Two supervisors decide one claim: the one who comes second is told who decided first, how and
     * when (integrity review L2: only "cannot VERIFY" of a task IN_PROGRESS). The last change of the
     * state, not the last change: a progress report since moved the version, not the state.
     */
    @Test
    void theSupervisorWhoComesSecondIsToldWhoDecidedFirst() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("规范招商引资合同", "2024-12-31", "TIME_BOUND", ""));
        act(taskId, "start", null).statusCode(200);
        given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body(Map.of("reason", "合同清单不全"))
                .post("/tasks/" + taskId + "/completion-rejection").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                        "text", "正在补齐合同清单", "percentComplete", 90))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);

        act(taskId, "verification", "qian.du").statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("IN_PROGRESS"))
                .body("detail", startsWith("a task of kind TIME_BOUND in state IN_PROGRESS cannot VERIFY; "
                        + "it became IN_PROGRESS by zhao.du (TaskCompletionRejected) at "))
                .body("detail", matchesPattern(".*T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00$"))
                .body("lastStateChange.state", equalTo("IN_PROGRESS"))
                .body("lastStateChange.action", equalTo("TaskCompletionRejected"))
                .body("lastStateChange.by", equalTo("zhao.du"))
                .body("lastStateChange.at", endsWith("+08:00"));
    }

    @Test
    void actingPersonIsTheTokenHolderAndOfficersActOnlyForTheirUnit() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("补足防范风险短板", "2024-12-31", "TIME_BOUND", ""));
        given().header("X-Test-Anonymous", "true").when().post("/tasks/" + taskId + "/start")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Actor", "zhang.ke").header("X-Test-Roles", "officer").header("X-Test-Unit", "招商局")
                .when().post("/tasks/" + taskId + "/start")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("财政金融局"));
        given().header("X-Actor", "li.ke").header("X-Test-Roles", "officer").header("X-Test-Unit", "财政金融局")
                .when().post("/tasks/" + taskId + "/start")
                .then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        given().header("X-Actor", "li.ke").header("X-Test-Roles", "officer").header("X-Test-Unit", "财政金融局")
                .when().post("/tasks/" + taskId + "/verification")
                .then().statusCode(403);
    }

    @Test
    void indicatorsMustBeMetWhenTheTaskSaysSo() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("积极招聘事业编制人员", "2024-12-31",
                "TIME_BOUND", """
                        "requireIndicatorsMet":true,"indicators":[{"name":"空编率","unit":"%","baseline":30,
                        "targetKind":"RELATIVE_PERCENT","targetValue":10,"direction":"DECREASE"}]"""));
        String indicatorId = given().get("/tasks/" + taskId).then().statusCode(200)
                .body("indicators[0].met", equalTo(false)).extract().path("indicators[0].id");
        act(taskId, "start", null).statusCode(200);
        given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        act(taskId, "verification", "zhao.du").statusCode(409).body("unmetIndicators", hasItem("空编率"));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("X-Actor", "tongji")
                    .body(Map.of("value", 27, "source", "2024年公开招聘结果"))
                    .post("/tasks/" + taskId + "/indicators/" + indicatorId + "/values")
                    .then().statusCode(201).body("indicators[0].met", equalTo(true));
            EventEnvelope recorded = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("IndicatorRecorded"), Duration.ofSeconds(30));
            assertEquals(indicatorId, recorded.data().get("indicatorId").asText());
        }
        given().get("/tasks/" + taskId + "/indicators/" + indicatorId + "/values").then().statusCode(200)
                .body("source", hasItem("2024年公开招聘结果"));
        act(taskId, "verification", "zhao.du").statusCode(200).body("state", equalTo("VERIFIED"));
    }

    @Test
    void longTermTaskConsolidatesOnceItsStageGoalsAreMet() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("建立长效推进落实机制", "2025-12-31",
                "LONG_TERM", """
                        "milestones":[{"title":"建立台账","dueDate":"2024-12-31"}]"""));
        String milestoneId = given().get("/tasks/" + taskId).then().extract().path("milestones[0].id");
        act(taskId, "start", null).statusCode(200);
        given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        // a long-term claim is consolidated first, never verified straight away; not while a stage goal
        // due already (31 December 2024) is open, so the task does not offer it (StageGoalsAtVerificationTest)
        act(taskId, "completion-claim", "li.ke").statusCode(200)
                .body("allowedTransitions", contains("REJECT_COMPLETION", "WITHDRAW_CLAIM"));
        // an illegal move's 409 names the table's moves for the kind and state
        act(taskId, "start", null).statusCode(409)
                .body("allowedTransitions", contains("REJECT_COMPLETION", "CONSOLIDATE", "WITHDRAW_CLAIM"));
        act(taskId, "verification", "zhao.du").statusCode(409).body("openMilestones", hasItem("建立台账"));
        act(taskId, "milestones/" + milestoneId + "/achievement", null).statusCode(200)
                .body("milestones[0].achievedAt", notNullValue()).body("verifiedAt", nullValue())
                .body("allowedTransitions", contains("REJECT_COMPLETION", "CONSOLIDATE", "WITHDRAW_CLAIM"));
        // consolidating is closed out (已销号，巩固提升中): it carries that day; look-backs wait for the end
        String etag = act(taskId, "verification", "zhao.du").statusCode(200).body("state", equalTo("CONSOLIDATING"))
                .body("verifiedAt", notNullValue()).body("nextLookBackDue", nullValue())
                .body("allowedTransitions", contains("VERIFY", "REOPEN")).extract().header("ETag");
        // a consolidating task stays LONG_TERM: as TIME_BOUND it would have no move out
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("kind", "TIME_BOUND"))
                .patch("/tasks/" + taskId).then().statusCode(409).body("field", equalTo("kind"));
        act(taskId, "verification", "qian.zu").statusCode(200).body("state", equalTo("VERIFIED"))
                .body("verifiedAt", notNullValue()).body("nextLookBackDue", notNullValue());
    }

    @Test
    void lookBackReopensARegressedCloseOutAndDigsOutANewProblem() {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("强化资产管理", "2024-12-31", "TIME_BOUND", ""));
        act(taskId, "start", null).statusCode(200);
        given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        act(taskId, "verification", "zhao.du").statusCode(200);

        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.state", equalTo("VERIFIED"));
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "REOPENED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String body = """
                    {"outcome":"REOPENED","reason":"欠费问题反弹回潮","deadline":"2099-12-31",
                     "newProblem":{"title":"欠费催缴不及时","description":"回头看发现"}}""";
            var review = given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(body)
                    .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                    .body("task.state", equalTo("REOPENED"))
                    .body("task.lastReopen.reason", equalTo("欠费问题反弹回潮"))
                    .body("task.lastReopen.by", equalTo("qian.zu"))
                    .body("task.reopenCount", equalTo(1))
                    .body("reviewedVerifiedAt", notNullValue())
                    .extract();
            String newProblemId = review.path("newProblemId");
            String reviewId = review.path("id");
            given().get("/problems/" + newProblemId).then().statusCode(200)
                    .body("source", equalTo("LOOK_BACK")).body("title", equalTo("欠费催缴不及时"));
            EventEnvelope reopened = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskReopened"), Duration.ofSeconds(30));
            assertEquals(reviewId, reopened.data().get("reviewId").asText());
            probe.await(e -> newProblemId.equals(e.subject()) && e.type().equals("ProblemRegistered"), Duration.ofSeconds(30));
        }
        // 再整改: the reopened task can be claimed again, with evidence of the work since
        act(taskId, "completion-claim", "li.ke").statusCode(409).body("missing", hasItem("evidenceSinceReopen"));
        given().contentType(ContentType.JSON).body(EVIDENCE).post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        act(taskId, "completion-claim", "li.ke").statusCode(200).body("state", equalTo("COMPLETION_CLAIMED"));
    }

    @Test
    void lookBackOfATaskNotClosedOutIsRefused() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化资产管理", "2024-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(409)
                .body("allowedTransitions", containsInAnyOrder("START"))
                .body("detail", containsString("PLANNED"));
    }
}
