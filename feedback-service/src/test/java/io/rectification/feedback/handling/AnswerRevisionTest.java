package io.rectification.feedback.handling;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A published answer is revised, never lost: the history keeps each text published, the first
 * answer's time stays {@code answeredAt} (the answered-in-time figure), the revision's is
 * {@code answerRevisedAt}, the tracking page shows the answer standing and says it was revised, and
 * a revision needs If-Match, so no one replaces a colleague's published answer from a stale page.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class AnswerRevisionTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-03-02T01:00:00Z");

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");
    static final String FIRST = "正在核查，十日内答复。";
    static final String REVISED = "经核查，路灯已于3月5日修复。";

    static RequestSpecification as(String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor);
    }

    @Test
    void aRevisedAnswerKeepsTheEarlierTextInTheHistoryAndTheFirstAnswersTime() {
        String publication = Publications.openNow();
        String code = Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"反映某路段路灯不亮。\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String id = given().queryParam("publicationId", publication).when().get("/feedback")
                .then().statusCode(200).extract().path("items[0].id");
        as("xinfang.jia").body("{\"category\":\"COMPLAINT\"}").when().post("/feedback/" + id + "/triage")
                .then().statusCode(200);
        Instant answered = CLOCK.now().toInstant().plusSeconds(600);
        Instant revised = answered.plus(Duration.ofDays(12)); // after the reply date: the first answer was on time

        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            AdjustableClock.pinAt(answered);
            String version = as("xinfang.jia").body("{\"answer\":\"" + FIRST + "\"}").when().post("/feedback/" + id + "/answer")
                    .then().statusCode(200).extract().header("ETag");

            AdjustableClock.pinAt(revised);
            // from a page that never showed the published answer: refused, nothing replaced
            as("xinfang.yi").body("{\"answer\":\"" + REVISED + "\"}").when().post("/feedback/" + id + "/answer")
                    .then().statusCode(428).contentType("application/problem+json");
            Clients.citizen().when().get("/feedback/track/" + code).then().body("answer", equalTo(FIRST))
                    .body("answerRevisedAt", nullValue());
            as("xinfang.yi").header("If-Match", version).body("{\"answer\":\"" + REVISED + "\"}")
                    .when().post("/feedback/" + id + "/answer")
                    .then().statusCode(200)
                    .body("status", equalTo("ANSWERED"))
                    .body("answer", equalTo(REVISED));

            JsonPath staffView = given().when().get("/feedback/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(answered, instant(staffView.getString("answeredAt")));
            assertEquals(revised, instant(staffView.getString("answerRevisedAt")));
            JsonPath tracked = Clients.citizen().when().get("/feedback/track/" + code).then().statusCode(200).extract().jsonPath();
            assertEquals(REVISED, tracked.getString("answer"));
            assertEquals(answered, instant(tracked.getString("answeredAt")));
            assertEquals(revised, instant(tracked.getString("answerRevisedAt")));

            JsonPath history = given().when().get("/feedback/" + id + "/history").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("RECEIVED", "TRIAGED", "ANSWERED", "ANSWER_REVISED"), history.getList("action"));
            assertEquals(FIRST, history.getString("find { it.action == 'ANSWERED' }.answer"));
            assertEquals("xinfang.jia", history.getString("find { it.action == 'ANSWERED' }.actor"));
            assertEquals(REVISED, history.getString("find { it.action == 'ANSWER_REVISED' }.answer"));
            assertEquals("xinfang.yi", history.getString("find { it.action == 'ANSWER_REVISED' }.actor"));
            assertEquals(null, history.getString("find { it.action == 'TRIAGED' }.answer"));

            // Both answers are told as FeedbackAnswered with the first answer's time, neither with its text.
            List<EventEnvelope> told = new ArrayList<>();
            probe.await(e -> id.equals(e.subject()) && "FeedbackAnswered".equals(e.type()) && told.add(e) && told.size() == 2,
                    Duration.ofSeconds(30));
            for (EventEnvelope event : told) {
                EVENTS.assertMatches(event);
                assertEquals(answered, instant(event.data().path("feedback").path("answeredAt").asText()));
                assertFalse(event.toString().contains("核查"), "the answer's text stays in feedback-service");
            }
        } finally {
            AdjustableClock.release();
        }
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
