package io.rectification.tasks.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task list answers a page again from its cache only while it is still true (TaskListCache):
 * a change is in the next page at once, another instance's commit as soon as its NOTIFY arrives, and
 * time turns the flags by itself: a reporting period ending on 29 February of a leap year, midnight
 * in Asia/Shanghai passing over a deadline, and the clock moved back.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskListCachedTest {

    @Inject
    TaskService tasks;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void thePageIsReadOnceWhileNothingChanges() {
        String problemId = Fixtures.freshProblem();
        Fixtures.task(problemId, Fixtures.taskJson("清理违规兼职", "2099-12-31", "TIME_BOUND", ""));
        TaskFilter ofProblem = new TaskFilter(null, null, UUID.fromString(problemId), null, null, null, null, null, null, false);
        // a background job's commit between two reads may make one read again: some two in a row are the same
        PageOf<TaskSnapshot> previous = tasks.listTasks(ofProblem, null, 0, 20);
        boolean answeredAgain = false;
        for (int i = 0; i < 5 && !answeredAgain; i++) {
            PageOf<TaskSnapshot> next = tasks.listTasks(ofProblem, null, 0, 20);
            answeredAgain = next == previous;
            previous = next;
        }
        assertTrue(answeredAgain, "the same page answered again from the cache");
    }

    @Test
    void aPageSentAgainIsTheJsonTheServiceWritesForIt() throws Exception {
        String problemId = Fixtures.freshProblem();
        Fixtures.task(problemId, Fixtures.taskJson("整改“三重一大”决策程序", "2099-12-31", "TIME_BOUND", ""));
        Fixtures.task(problemId, Fixtures.taskJson("规范\\\"小金库\\\"清理", "2099-06-30", "TIME_BOUND", ""));
        String list = "/tasks?problemId=" + problemId;
        String first = given().get(list).then().statusCode(200).extract().asString();
        String again = given().get(list).then().statusCode(200).extract().asString();

        PageOf<TaskSnapshot> page = tasks.listTasks(new TaskFilter(null, null, UUID.fromString(problemId), null, null, null,
                null, null, null, false), null, 0, PageOf.DEFAULT_SIZE);
        String written = json.writeValueAsString(new PageOf<>(new ArrayList<>(page.items()), page.page(), page.size(), page.total()));
        assertEquals(written, first);
        assertEquals(written, again);
    }

    @Test
    void aChangeIsInTheNextPageAtOnce() {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("规范公务接待", "2099-12-31", "TIME_BOUND", ""));
        String list = "/problems/" + problemId + "/tasks";
        given().get(list).then().statusCode(200).body("items.title", equalTo(List.of("规范公务接待")));
        given().get(list).then().statusCode(200).body("items.title", equalTo(List.of("规范公务接待")));

        given().contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body("{\"title\":\"规范公务接待管理\"}").patch("/tasks/" + taskId).then().statusCode(200);

        given().get(list).then().statusCode(200).body("items.title", equalTo(List.of("规范公务接待管理")));
        given().get("/tasks?problemId=" + problemId).then().statusCode(200).body("items.title", equalTo(List.of("规范公务接待管理")));
    }

    @Test
    void anotherInstancesCommitIsSeenOnceItsNotifyArrives() throws Exception {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("整治形式主义", "2099-12-31", "TIME_BOUND", ""));
        String list = "/tasks?problemId=" + problemId;
        given().get(list).then().statusCode(200).body("items.title", equalTo(List.of("整治形式主义")));

        // as another instance commits: its own connection, its change and the outbox's NOTIFY
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement update = other.prepareStatement(
                    "UPDATE rectification_task SET title = ?, version = version + 1 WHERE id = CAST(? AS uuid)");
                 Statement notify = other.createStatement()) {
                update.setString(1, "整治形式主义官僚主义");
                update.setString(2, taskId);
                update.executeUpdate();
                notify.execute("SELECT pg_notify('outbox_event', '')");
            }
            other.commit();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(list).then().statusCode(200).body("items.title", equalTo(List.of("整治形式主义官僚主义"))));
    }

    @Test
    void midnightTurnsTheOverdueAndReportMissingFlagsWithoutAChange() {
        AdjustableClock.pinAt(Instant.parse("2028-01-31T02:00:00Z")); // 10:00 on 31 Jan 2028 in Shanghai
        String problemId = Fixtures.freshProblem();
        String reporting = Fixtures.task(problemId, Fixtures.taskJson("按月报告整改进展", "2028-12-31", "TIME_BOUND",
                "\"reportingCadence\":\"MONTHLY\""));
        given().post("/tasks/" + reporting + "/start").then().statusCode(200);
        Fixtures.task(problemId, Fixtures.taskJson("限期清退违规资金", "2028-02-29", "TIME_BOUND", ""));
        String list = "/tasks?problemId=" + problemId + "&sort=deadline";

        // the report a month from 31 January is due on 29 February (leap year), all of that day: the hour of
        // the last report (10:00) turns nothing
        AdjustableClock.pinAt(Instant.parse("2028-02-29T01:59:59Z"));
        flags(list, List.of(false, false), List.of(false, false));
        flags(list, List.of(false, false), List.of(false, false)); // now from the cache
        AdjustableClock.pinAt(Instant.parse("2028-02-29T02:00:01Z"));
        flags(list, List.of(false, false), List.of(false, false));
        // midnight in Shanghai: the task due on 29 February is overdue from 1 March, and the report due that
        // day missing, the same rule read the same way
        AdjustableClock.pinAt(Instant.parse("2028-02-29T15:59:59Z"));
        flags(list, List.of(false, false), List.of(false, false));
        AdjustableClock.pinAt(Instant.parse("2028-02-29T16:00:01Z"));
        flags(list, List.of(true, false), List.of(false, true));
        // the clock moved back: not the later page
        AdjustableClock.pinAt(Instant.parse("2028-02-29T01:59:59Z"));
        flags(list, List.of(false, false), List.of(false, false));
    }

    /** The page's overdue and progressReportMissing flags, the task due 29 Feb first. */
    private static void flags(String list, List<Boolean> overdue, List<Boolean> missing) {
        given().get(list).then().statusCode(200)
                .body("items.deadline", equalTo(List.of("2028-02-29", "2028-12-31")))
                .body("items.overdue", equalTo(overdue))
                .body("items.progressReportMissing", equalTo(missing));
    }
}
