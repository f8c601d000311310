package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.followup.FollowUpNotice;
import io.rectification.tasks.followup.FollowUps;
import io.rectification.tasks.followup.OverdueCheck;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A look-back that reopens a task (再整改) gives the rework a deadline of its own. Look-backs come 3 to 12
 * months after the close-out: a reopened task that kept its old deadline (2026-11-30) was overdue the moment
 * it was reopened, 我的任务 said 已逾期 at once and the 【再整改】 mail gave the unit a date months gone. The
 * clock is pinned: the review is held at 00:30 on 1 March 2027 in Asia/Shanghai, still 28 February in UTC,
 * so "after today" is the organisation's day.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReworkDeadlineTest {

    private static final String OLD_DEADLINE = "2026-11-30";
    /** 00:30 on 1 March 2027 in Shanghai; 16:30 on 28 February in UTC. */
    private static final String HALF_PAST_MIDNIGHT = "2027-02-28T16:30:00Z";
    /** 23:59 on 28 February 2027 in Shanghai. */
    private static final String A_MINUTE_TO_MIDNIGHT = "2027-02-28T15:59:00Z";
    private static final String FINDINGS = "回头看抽查发现2个项目停工，跟踪台账3个月未更新";

    @Inject
    FollowUps followUps;

    @Inject
    OverdueCheck overdue;

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    /** A task due 2026-11-30, overdue and noticed as such on 10 December, then claimed and closed out that day. */
    private String closedOutAfterItsDeadline() {
        AdjustableClock.pinAt(Instant.parse("2026-12-10T02:00:00Z"));
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("规范招商项目跟踪服务", OLD_DEADLINE, "TIME_BOUND", ""));
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/start").then().statusCode(200);
        followUps.emit(overdue, AdjustableClock.current());
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification").then().statusCode(200)
                .body("state", equalTo("VERIFIED"));
        return taskId;
    }

    private static ValidatableResponse review(String taskId, String outcome, String deadline) {
        Map<String, Object> body = new HashMap<>(Map.of("outcome", outcome, "reason", FINDINGS));
        if (deadline != null) {
            body.put("deadline", deadline);
        }
        return given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(body)
                .post("/tasks/" + taskId + "/look-back-reviews").then();
    }

    private static void refusedNaming(ValidatableResponse answer, String field) {
        answer.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void aReopeningNeedsTheReworksDeadlineAfterTodayInShanghai() {
        String taskId = closedOutAfterItsDeadline();
        AdjustableClock.pinAt(Instant.parse(HALF_PAST_MIDNIGHT));
        refusedNaming(review(taskId, "REOPENED", null), "deadline");
        // today in Shanghai, though still tomorrow in UTC: overdue at the next midnight, refused
        refusedNaming(review(taskId, "REOPENED", "2027-03-01"), "deadline");
        refusedNaming(review(taskId, "REOPENED", "2027-02-15"), "deadline");
        // a confirmation keeps the close-out's deadline: a date sent with it is refused, not dropped
        refusedNaming(review(taskId, "CONFIRMED", "2027-03-31"), "deadline");
        // the reason and the deadline are refused together
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "REOPENED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(400)
                .body("errors.field", hasItem("reason")).body("errors.field", hasItem("deadline"));
        given().get("/tasks/" + taskId).then().statusCode(200).body("state", equalTo("VERIFIED"))
                .body("deadline", equalTo(OLD_DEADLINE));
        given().get("/tasks/" + taskId + "/look-back-reviews").then().body("$", hasSize(0));

        review(taskId, "REOPENED", "2027-03-02").statusCode(201)
                .body("task.state", equalTo("REOPENED"))
                .body("task.deadline", equalTo("2027-03-02"))
                .body("task.overdue", equalTo(false))
                .body("task.lastDeadlineChange.from", equalTo(OLD_DEADLINE))
                .body("task.lastDeadlineChange.to", equalTo("2027-03-02"))
                .body("task.lastDeadlineChange.reason", equalTo(FINDINGS))
                .body("task.lastDeadlineChange.by", equalTo("qian.zu"));
        // 我的任务 reads the task list: not among the overdue
        given().queryParam("overdue", "true").queryParam("problemId",
                        given().get("/tasks/" + taskId).then().extract().<String>path("problemId"))
                .get("/tasks").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMinuteBeforeMidnightInShanghaiTheNextDayIsAfterToday() {
        String taskId = closedOutAfterItsDeadline();
        AdjustableClock.pinAt(Instant.parse(A_MINUTE_TO_MIDNIGHT));
        review(taskId, "REOPENED", "2027-02-28").statusCode(400).body("errors.field", hasItem("deadline"));
        review(taskId, "REOPENED", "2027-03-01").statusCode(201)
                .body("task.deadline", equalTo("2027-03-01")).body("task.overdue", equalTo(false));
    }

    @Test
    void theMoveIsAnnouncedWithTheReopeningAndKeptInTheTasksHistory() {
        String taskId = closedOutAfterItsDeadline();
        AdjustableClock.pinAt(Instant.parse(HALF_PAST_MIDNIGHT));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            review(taskId, "REOPENED", "2027-03-31").statusCode(201);
            EventEnvelope reopened = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskReopened"),
                    Duration.ofSeconds(60));
            assertEquals(OLD_DEADLINE, reopened.data().get("previousDeadline").asText());
            assertEquals("2027-03-31", reopened.data().get("task").get("deadline").asText());
            assertEquals(FINDINGS, reopened.data().get("task").get("lastDeadlineChange").get("reason").asText());
            assertEquals(false, reopened.data().get("task").get("overdue").asBoolean());
        }
        // one event, one audit entry: the reopening, which carries the move (no separate TaskDeadlineChanged mail)
        var history = given().header("X-Test-Roles", "coordinator").get("/tasks/" + taskId + "/audit").then()
                .statusCode(200).extract().jsonPath();
        List<String> actions = history.getList("action");
        assertEquals("TaskReopened", actions.get(actions.size() - 1));
        assertTrue(!actions.contains("TaskDeadlineChanged"), actions.toString());
        assertEquals("2027-03-31", history.getString("[" + (actions.size() - 1) + "].after.deadline"));
        assertEquals(OLD_DEADLINE, history.getString("[" + (actions.size() - 1) + "].after.lastDeadlineChange.from"));
    }

    @Test
    void theReworkIsOverdueOnlyAfterItsOwnDeadlineAsANewEpisode() {
        String taskId = closedOutAfterItsDeadline();
        AdjustableClock.pinAt(Instant.parse(HALF_PAST_MIDNIGHT));
        review(taskId, "REOPENED", "2027-03-31").statusCode(201);

        // on the rework's last day: not overdue, no notice
        AdjustableClock.pinAt(Instant.parse("2027-03-31T15:59:00Z"));
        given().get("/tasks/" + taskId).then().body("overdue", equalTo(false));
        assertTrue(noticesOf(taskId).isEmpty());

        // from the next midnight in Shanghai: overdue by the rework's date, its first time (no resumedAt)
        AdjustableClock.pinAt(Instant.parse("2027-03-31T16:30:00Z"));
        given().get("/tasks/" + taskId).then().body("overdue", equalTo(true));
        List<FollowUpNotice> due = noticesOf(taskId);
        assertEquals(List.of(taskId + "|DEADLINE|2027-03-31"), due.stream().map(FollowUpNotice::key).toList());
        assertNull(overdueEvent(due.get(0)).resumedAt());

        // the office moves it back to the date noticed before the close-out: the reopening began a new
        // episode, so that date is noticed again, keyed by the reopening (the first notice's key is claimed)
        String version = given().get("/tasks/" + taskId).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", version).body(Map.of("deadline", OLD_DEADLINE))
                .patch("/tasks/" + taskId).then().statusCode(200);
        String reopenedAt = given().get("/tasks/" + taskId).then().extract().path("lastReopen.at");
        due = noticesOf(taskId);
        assertEquals(1, due.size());
        assertEquals(taskId + "|DEADLINE|" + OLD_DEADLINE + "|BACK|" + OffsetDateTime.parse(reopenedAt).toInstant(),
                due.get(0).key());
        assertEquals(OffsetDateTime.parse(reopenedAt).toInstant(), overdueEvent(due.get(0)).resumedAt().toInstant());
    }

    /** The overdue notices due now for the task, read in a transaction of their own (so the task as it now is). */
    private List<FollowUpNotice> noticesOf(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> overdue.dueAt(AdjustableClock.current()).stream()
                .filter(n -> n.task().id.toString().equals(taskId)).toList());
    }

    private static TasksEvent.TaskOverdue overdueEvent(FollowUpNotice notice) {
        return (TasksEvent.TaskOverdue) notice.event().apply(null);
    }
}
