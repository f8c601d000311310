package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.followup.OverdueCheck;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One overdue rule (Overdue): the list's {@code overdue} filter, each task's {@code overdue} flag and
 * the follow-up run's notices agree, at half past midnight in Asia/Shanghai when UTC is still on the
 * day before: a task due yesterday and open is overdue, one due today is not, one due yesterday but
 * closed out (销号) is not, nor one claimed (awaiting the supervisor's verification), until the claim is
 * rejected.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class OverdueRuleTest {

    /** 00:30 on 30 Nov in Asia/Shanghai, 16:30 on the 29th in UTC. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-11-29T16:30:00Z");

    @Inject
    OverdueCheck overdueCheck;

    @Test
    void theFilterTheFlagAndTheNoticesAgree() {
        String problemId = Fixtures.freshProblem();
        String late = Fixtures.task(problemId, Fixtures.taskJson("清退违规收费", "2026-11-29", "TIME_BOUND", ""));
        String dueToday = Fixtures.task(problemId, Fixtures.taskJson("公开收费目录", "2026-11-30", "TIME_BOUND", ""));
        String closed = Fixtures.task(problemId, Fixtures.taskJson("建立收费台账", "2026-11-29", "TIME_BOUND", ""));
        claim(closed);
        given().header("X-Actor", "zhao.du").post("/tasks/" + closed + "/verification").then().statusCode(200);
        String claimed = Fixtures.task(problemId, Fixtures.taskJson("规范收费行为", "2026-11-29", "TIME_BOUND", ""));
        claim(claimed);
        String list = "/tasks?problemId=" + problemId + "&sort=title";

        given().get(list + "&overdue=true").then().statusCode(200).body("items.id", equalTo(List.of(late)));
        given().get(list + "&overdue=false").then().statusCode(200)
                .body("items.id", equalTo(List.of(dueToday, closed, claimed)))
                .body("items.overdue", equalTo(List.of(false, false, false)));
        given().get("/tasks/" + late).then().statusCode(200).body("overdue", equalTo(true));
        given().get("/tasks/" + claimed).then().statusCode(200).body("overdue", equalTo(false));
        Set<String> ours = Set.of(late, dueToday, closed, claimed);
        assertEquals(Set.of(late), noticed(ours));

        // the claim rejected, the deadline has passed: overdue again, in the flag, the filter and the notices
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body("{\"reason\":\"佐证材料不全\"}")
                .post("/tasks/" + claimed + "/completion-rejection").then().statusCode(200).body("overdue", equalTo(true));
        given().get(list + "&overdue=true").then().statusCode(200).body("items.id", equalTo(List.of(late, claimed)));
        assertEquals(Set.of(late, claimed), noticed(ours));
    }

    private Set<String> noticed(Set<String> among) {
        return QuarkusTransaction.requiringNew().call(() -> overdueCheck.dueAt(CLOCK.now()).stream()
                .map(notice -> notice.task().id.toString()).filter(among::contains).collect(Collectors.toSet()));
    }

    private static void claim(String taskId) {
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200)
                .body("overdue", equalTo(false));
    }
}
