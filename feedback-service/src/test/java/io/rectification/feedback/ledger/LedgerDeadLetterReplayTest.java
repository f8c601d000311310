package io.rectification.feedback.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Ledger;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.RefusedWrites;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * feedback-service's consumer of the tasks topic has its dead letters replayed or dismissed by the
 * operator as every consumer does: a problem the ledger could not keep is kept once the cause is
 * dealt with; a malformed event, which no replay can apply, is dismissed saying why.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class LedgerDeadLetterReplayTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Test
    void aProblemTheLedgerCouldNotKeepIsKeptByTheReplayOfItsDeadLetter() throws Exception {
        UUID inspection = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        long id;
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "known_problem", "NEW.id = '" + problem + "'",
                "refused until the fix is deployed")) {
            Ledger.problem(inspection, area, problem, 1, "停车难问题", "PLAN", null, 0, 0);
            id = awaitDeadLetter(problem);
            given().when().post("/dead-letters/" + id + "/replay").then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString("refused until the fix is deployed"));
            given().when().get("/dead-letters/" + id).then().body("attempts", equalTo(2));
            assertEquals(0, known(problem));
        }
        given().header("X-Actor", "ops-zhao").when().post("/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("resolution.outcome", equalTo("REPLAYED")).body("resolution.by", equalTo("ops-zhao"));
        assertEquals(1, known(problem));
        given().header("X-Test-Roles", "supervisor").when().get("/audit/DeadLetter/" + id).then().statusCode(200)
                .body("action", hasItem("DeadLetterReplayed"));
    }

    @Test
    void aMalformedTasksEventFailsItsReplayAndIsDismissedWithAReason() {
        UUID problem = UUID.randomUUID();
        Ledger.send(problem, "ProblemRegistered", "Problem", 0, """
                {"problem":{"id":"%s","areaId":"%s","number":1,"title":"缺少检查编号","source":"PLAN",
                 "sourceFeedbackId":null,"percentComplete":0}}""".formatted(problem, UUID.randomUUID()));
        long id = awaitDeadLetter(problem);

        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(422)
                .body("detail", containsString("data.problem.inspectionId"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "")).when().post("/dead-letters/" + id + "/dismissal")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("X-Test-Roles", "feedback-handler").contentType(ContentType.JSON).body(Map.of("reason", "缺成员"))
                .when().post("/dead-letters/" + id + "/dismissal").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "任务服务已重发完整事件")).when()
                .post("/dead-letters/" + id + "/dismissal").then().statusCode(200)
                .body("resolution.outcome", equalTo("DISMISSED")).body("resolution.reason", equalTo("任务服务已重发完整事件"));
        given().queryParam("state", "RESOLVED").queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("id", hasItem((int) id));
    }

    private long awaitDeadLetter(UUID subject) {
        Number[] id = new Number[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            id[0] = given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200).extract()
                    .path("find { it.consumer == '" + TasksEventHandler.CONSUMER + "' && it.payload.contains('" + subject + "') }.id");
            return id[0] != null;
        });
        return id[0].longValue();
    }

    private long known(UUID problem) throws SQLException {
        return Counts.of(dataSource, "SELECT count(*) FROM known_problem WHERE id = ?", problem);
    }
}
