package io.rectification.tasks.feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.RefusedWrites;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectification.tasks.feedback.FeedbackEscalationTest.escalated;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A FeedbackEscalated this service could not apply is no longer lost: once the cause is dealt with
 * (here a write the database refused, as a bug a later build fixes would), the operator replays its
 * dead letter and the feedback becomes its problem, announced like any other; an escalation applied
 * since (the relay delivered it again) is not applied twice.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EscalationDeadLetterReplayTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Test
    void aLostEscalationBecomesItsProblemWhenTheOperatorReplaysItsDeadLetter() throws Exception {
        String inspectionId = Fixtures.inspection();
        String areaId = Fixtures.area(inspectionId, "规范资金资产使用管理");
        String feedbackId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "problem",
                "NEW.source_feedback_id = '" + feedbackId + "'", "refused until the fix is deployed")) {
            EventProbe.send(EventTopics.FEEDBACK, feedbackId, escalated(eventId, feedbackId, inspectionId, areaId, "征收补偿款未按期兑付"));
            long id = awaitDeadLetter(eventId);

            given().header("X-Actor", "ops-li").when().post("/dead-letters/" + id + "/replay").then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString("refused until the fix is deployed"));
            given().when().get("/dead-letters/" + id).then().body("attempts", equalTo(2)).body("resolution", nullValue());
            problemsOf(feedbackId, 0);
        }

        long id = awaitDeadLetter(eventId);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().header("X-Actor", "ops-li").when().post("/dead-letters/" + id + "/replay").then().statusCode(200)
                    .body("resolution.outcome", equalTo("REPLAYED")).body("resolution.by", equalTo("ops-li"));
            String problemId = problemsOf(feedbackId, 1).get(0);
            var registered = probe.await(e -> problemId.equals(e.subject()), WAIT);
            assertEquals("ProblemRegistered", registered.type());
            assertEquals(feedbackId, registered.data().get("problem").get("sourceFeedbackId").asText());
        }
        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(409);
        given().queryParam("state", "RESOLVED").queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("id", hasItem((int) id));
        given().queryParam("state", "OPEN").queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("id", not(hasItem((int) id)));
        given().header("X-Test-Roles", "supervisor").when().get("/audit/DeadLetter/" + id).then()
                .body("action", equalTo(List.of("DeadLetterReplayFailed", "DeadLetterReplayed")));
    }

    @Test
    void anEscalationAppliedSinceItsDeadLetterIsNotAppliedTwiceByItsReplay() throws Exception {
        String inspectionId = Fixtures.inspection();
        String feedbackId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String event = escalated(eventId, feedbackId, inspectionId, null, "停车难问题");
        long id;
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "problem",
                "NEW.source_feedback_id = '" + feedbackId + "'", "refused for now")) {
            EventProbe.send(EventTopics.FEEDBACK, feedbackId, event);
            id = awaitDeadLetter(eventId);
        }
        EventProbe.send(EventTopics.FEEDBACK, feedbackId, event); // the relay's second delivery, applied
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> problemCount(feedbackId) == 1);

        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("resolution.outcome", equalTo("REPLAYED"));
        assertEquals(1, problemCount(feedbackId));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_type = 'ProblemRegistered' "
                + "AND envelope -> 'data' -> 'problem' ->> 'sourceFeedbackId' = ?", feedbackId));
    }

    /** An escalation that names no feedback fails its replay as it failed at first; the operator dismisses it, saying why. */
    @Test
    void anUnreadableEscalationIsDismissedWithAReasonOnlyByTheOperator() {
        String eventId = UUID.randomUUID().toString();
        EventProbe.send(EventTopics.FEEDBACK, "no-feedback", """
                {"specversion":"1.0","id":"%s","source":"/feedback-service","type":"FeedbackEscalated",
                 "subject":"不是编号","time":"2025-11-10T01:00:00Z","aggregatetype":"Feedback","aggregateversion":0,
                 "data":"不是对象"}""".formatted(eventId));
        long id = awaitDeadLetter(eventId);

        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(422)
                .body("detail", containsString("no data object"));
        given().header("X-Test-Roles", "coordinator").when().post("/dead-letters/" + id + "/replay").then().statusCode(403);
        given().header("X-Test-Roles", "coordinator").contentType(ContentType.JSON).body(Map.of("reason", "测试消息"))
                .when().post("/dead-letters/" + id + "/dismissal").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").when().post("/dead-letters/" + id + "/dismissal")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("X-Actor", "ops-li").contentType(ContentType.JSON).body(Map.of("reason", "联调测试消息，无对应意见"))
                .when().post("/dead-letters/" + id + "/dismissal").then().statusCode(200)
                .body("resolution.outcome", equalTo("DISMISSED")).body("resolution.reason", equalTo("联调测试消息，无对应意见"));
    }

    private long awaitDeadLetter(String eventId) {
        Number[] id = new Number[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            id[0] = given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200).extract()
                    .path("find { it.eventId == '" + eventId + "' && it.consumer == '" + FeedbackEscalationHandler.CONSUMER + "' }.id");
            return id[0] != null;
        });
        return id[0].longValue();
    }

    private List<String> problemsOf(String feedbackId, int expected) throws SQLException {
        assertEquals(expected, problemCount(feedbackId));
        List<String> ids = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM problem WHERE source_feedback_id = ?::uuid")) {
            query.setString(1, feedbackId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private long problemCount(String feedbackId) throws SQLException {
        return count("SELECT count(*) FROM problem WHERE source_feedback_id = ?::uuid", feedbackId);
    }

    private long count(String sql, String parameter) throws SQLException {
        return Counts.of(dataSource, sql, parameter);
    }
}
