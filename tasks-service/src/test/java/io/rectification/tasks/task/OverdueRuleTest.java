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
 * closed out (销号) is not.
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
        given().post("/tasks/" + closed + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + closed + "/evidence")
                .then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + closed + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + closed + "/verification").then().statusCode(200);
        String list = "/tasks?problemId=" + problemId + "&sort=title";

        given().get(list + "&overdue=true").then().statusCode(200).body("items.id", equalTo(List.of(late)));
        given().get(list + "&overdue=false").then().statusCode(200)
                .body("items.id", equalTo(List.of(dueToday, closed)))
                .body("items.overdue", equalTo(List.of(false, false)));
        given().get("/tasks/" + late).then().statusCode(200).body("overdue", equalTo(true));

        Set<String> noticed = QuarkusTransaction.requiringNew().call(() -> overdueCheck.dueAt(CLOCK.now()).stream()
                .map(notice -> notice.task().id.toString()).collect(Collectors.toSet()));
        assertEquals(Set.of(late), noticed.stream().filter(Set.of(late, dueToday, closed)::contains).collect(Collectors.toSet()));
    }
}
