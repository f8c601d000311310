package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.followup.FollowUpNotice;
import io.rectification.tasks.followup.OverdueCheck;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stage goals a verification needs ({@link CloseOutRule}), and that a task never offers a
 * verification the command refuses: entering consolidation needs the goals due on or before that day
 * (in Asia/Shanghai) achieved, a close-out every goal. The clock stands at 00:30 on 1 March 2028 in
 * Shanghai, still 29 February (a leap day) in UTC.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class StageGoalsAtVerificationTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2028-02-29T16:30:00Z");

    @Inject
    OverdueCheck overdueCheck;

    private static final String CLAIMED_ONLY = "REJECT_COMPLETION, WITHDRAW_CLAIM";

    private static ValidatableResponse act(String taskId, String action, String actor) {
        var request = given().contentType(ContentType.JSON);
        if (actor != null) {
            request.header("X-Actor", actor);
        }
        return request.when().post("/tasks/" + taskId + "/" + action).then();
    }

    private static String claimed(String title, String kind, String goals) {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson(title, "2028-12-31", kind,
                "\"milestones\":[" + goals + "]"));
        act(taskId, "start", null).statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        act(taskId, "completion-claim", "li.ke").statusCode(200);
        return taskId;
    }

    private static String goal(String title, String dueDate) {
        return "{\"title\":\"" + title + "\",\"dueDate\":\"" + dueDate + "\"}";
    }

    private static String goalId(String taskId, int index) {
        return given().get("/tasks/" + taskId).then().extract().path("milestones[" + index + "].id");
    }

    private static String offered(String taskId) {
        return String.join(", ", given().get("/tasks/" + taskId).then().statusCode(200)
                .extract().<List<String>>path("allowedTransitions"));
    }

    @Test
    void consolidationWaitsForTheGoalsDueSoFarNotForTheConsolidationsOwn() {
        // 建立长效工作机制 due on the leap day (yesterday), 巩固整改成果 due at the end of June
        String taskId = claimed("建立长效推进落实机制", "LONG_TERM",
                goal("建立长效工作机制", "2028-02-29") + "," + goal("巩固整改成果，防止反弹回潮", "2028-06-30"));
        assertEquals(CLAIMED_ONLY, offered(taskId));
        act(taskId, "verification", "zhao.du").statusCode(409)
                .body("openMilestones", contains("建立长效工作机制"))
                .body("detail", containsString("due by 2028-03-01"));

        act(taskId, "milestones/" + goalId(taskId, 0) + "/achievement", null).statusCode(200)
                .body("allowedTransitions", contains("REJECT_COMPLETION", "CONSOLIDATE", "WITHDRAW_CLAIM"));
        // consolidating with the June goal open: it is what the consolidation is followed by
        act(taskId, "verification", "zhao.du").statusCode(200).body("state", equalTo("CONSOLIDATING"))
                .body("allowedTransitions", contains("REOPEN"));
        act(taskId, "verification", "qian.zu").statusCode(409)
                .body("openMilestones", contains("巩固整改成果，防止反弹回潮"));

        // on 1 July the June goal is overdue during the consolidation: its notice goes to the unit
        AdjustableClock.pinAt(Instant.parse("2028-06-30T16:30:00Z"));
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> overdueCheck.dueAt(AdjustableClock.current())
                .stream().filter(n -> n.task().id.toString().equals(taskId)).map(FollowUpNotice::key).toList());
        assertEquals(List.of(taskId + "|MILESTONE|" + goalId(taskId, 1) + "|2028-06-30"), keys);

        act(taskId, "milestones/" + goalId(taskId, 1) + "/achievement", null).statusCode(200)
                .body("allowedTransitions", contains("VERIFY", "REOPEN"));
        act(taskId, "verification", "qian.zu").statusCode(200).body("state", equalTo("VERIFIED"));
    }

    @Test
    void aGoalDueTodayIsDueAndOneDueAtTheMonthsEndIsNot() {
        String dueToday = claimed("完善招商引资制度", "LONG_TERM",
                goal("出台管理办法", "2028-03-01") + "," + goal("全面推行", "2028-03-31"));
        assertEquals(CLAIMED_ONLY, offered(dueToday));
        act(dueToday, "verification", "zhao.du").statusCode(409).body("openMilestones", contains("出台管理办法"));

        String dueAtMonthEnd = claimed("完善项目决策机制", "LONG_TERM", goal("建立决策清单", "2028-03-31"));
        assertEquals("REJECT_COMPLETION, CONSOLIDATE, WITHDRAW_CLAIM", offered(dueAtMonthEnd));
        act(dueAtMonthEnd, "verification", "zhao.du").statusCode(200).body("state", equalTo("CONSOLIDATING"));

        // the same day seen a minute before midnight in Shanghai (15:59 UTC on the leap day): 1 March is still ahead
        AdjustableClock.pinAt(Instant.parse("2028-02-29T15:59:00Z"));
        assertEquals("REJECT_COMPLETION, CONSOLIDATE, WITHDRAW_CLAIM", offered(dueToday));
    }

    @Test
    void aCloseOutNeedsEveryGoalWhateverItsDueDate() {
        String taskId = claimed("清理规范涉企收费", "TIME_BOUND", goal("完成清理", "2028-09-30"));
        assertEquals(CLAIMED_ONLY, offered(taskId));
        act(taskId, "verification", "zhao.du").statusCode(409).body("openMilestones", contains("完成清理"));
        act(taskId, "milestones/" + goalId(taskId, 0) + "/achievement", null).statusCode(200)
                .body("allowedTransitions", contains("REJECT_COMPLETION", "VERIFY", "WITHDRAW_CLAIM"));
        act(taskId, "verification", "zhao.du").statusCode(200).body("state", equalTo("VERIFIED"));
    }
}
