package io.rectification.tasks.feedback;

import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.CloudEventHeaders;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.LogCapture;
import io.rectification.tasks.Fixtures;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class FeedbackEscalationTest {

    @Inject
    DataSource dataSource;

    static String escalated(String eventId, String feedbackId, String inspectionId, String areaId, String title) {
        return """
                {"specversion":"1.0","id":"%s","source":"/feedback-service","type":"FeedbackEscalated",
                 "subject":"%s","time":"2025-11-10T02:00:00Z","aggregatetype":"Feedback","aggregateversion":3,
                 "data":{"feedback":{"id":"%s","inspectionId":"%s","channel":"PHONE","status":"ESCALATED","anonymous":true},
                         "escalation":{"inspectionId":"%s","areaId":%s,"title":"%s","description":"来电反映,经核实后转办"}}}"""
                .formatted(eventId, feedbackId, feedbackId, inspectionId, inspectionId,
                        areaId == null ? "null" : "\"" + areaId + "\"", title);
    }

    @Test
    void escalatedFeedbackBecomesOneProblemWithSourceFeedback() {
        String inspectionId = Fixtures.inspection();
        String areaId = Fixtures.area(inspectionId, "规范资金资产使用管理");
        String feedbackId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            EventProbe.send(EventTopics.FEEDBACK, feedbackId, escalated(eventId, feedbackId, inspectionId, areaId, "征收补偿款未按期兑付"));
            // the same event again, and the same feedback escalated again under a new event id
            EventProbe.send(EventTopics.FEEDBACK, feedbackId, escalated(eventId, feedbackId, inspectionId, areaId, "征收补偿款未按期兑付"));
            EventProbe.send(EventTopics.FEEDBACK, feedbackId,
                    escalated(UUID.randomUUID().toString(), feedbackId, inspectionId, areaId, "征收补偿款未按期兑付"));
            // a later, different escalation on the same partition (same key) proves the earlier ones were handled
            String otherFeedback = UUID.randomUUID().toString();
            EventProbe.send(EventTopics.FEEDBACK, feedbackId,
                    escalated(UUID.randomUUID().toString(), otherFeedback, inspectionId, null, "停车难问题"));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    given().queryParam("inspectionId", inspectionId).queryParam("source", "FEEDBACK")
                            .get("/problems").then().extract().<Integer>path("total") >= 2);
            given().queryParam("areaId", areaId).get("/problems").then()
                    .body("total", equalTo(1))
                    .body("items[0].title", equalTo("征收补偿款未按期兑付"))
                    .body("items[0].sourceFeedbackId", equalTo(feedbackId));
            // without an area: the inspection's area for public feedback
            given().get("/inspections/" + inspectionId + "/areas").then()
                    .body("items.title", contains("规范资金资产使用管理", "群众反馈意见建议"));
            String problemId = given().queryParam("areaId", areaId).get("/problems").then().extract().path("items[0].id");
            var registered = probe.await(e -> problemId.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("ProblemRegistered", registered.type());
            assertEquals("FEEDBACK", registered.data().get("problem").get("source").asText());
        }
        List<Object> all = given().queryParam("inspectionId", inspectionId).queryParam("source", "FEEDBACK")
                .get("/problems").then().extract().path("items.sourceFeedbackId");
        assertEquals(2, all.size());
    }

    /** What cannot be applied is answered with FeedbackEscalationRefused naming the member, and nothing is registered. */
    @Test
    void anEscalationThatCannotBeAppliedIsRefusedWithTheReason() {
        String inspectionId = Fixtures.inspection();
        String unknownInspection = UUID.randomUUID().toString();
        String lostFeedback = UUID.randomUUID().toString();
        String untitledFeedback = UUID.randomUUID().toString();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            EventProbe.send(EventTopics.FEEDBACK, lostFeedback,
                    escalated(UUID.randomUUID().toString(), lostFeedback, unknownInspection, null, "征收补偿款未按期兑付"));
            EventProbe.send(EventTopics.FEEDBACK, untitledFeedback,
                    escalated(UUID.randomUUID().toString(), untitledFeedback, inspectionId, null, "   "));
            // an inspection id that is no UUID: the record cannot be read, the subject still names the feedback
            String garbledFeedback = UUID.randomUUID().toString();
            EventProbe.send(EventTopics.FEEDBACK, garbledFeedback,
                    escalated(UUID.randomUUID().toString(), garbledFeedback, inspectionId, null, "征收补偿款未按期兑付")
                            .replace("\"escalation\":{\"inspectionId\":\"" + inspectionId, "\"escalation\":{\"inspectionId\":\"第三巡视组"));

            var lost = probe.await(e -> lostFeedback.equals(e.subject()), Duration.ofSeconds(60));
            assertEquals("FeedbackEscalationRefused", lost.type());
            assertEquals("FeedbackEscalation", lost.aggregatetype());
            assertEquals(3L, lost.aggregateversion());
            assertEquals(lostFeedback, lost.data().get("feedbackId").asText());
            assertEquals(3, lost.data().get("feedbackVersion").asInt());
            assertEquals(unknownInspection, lost.data().get("inspectionId").asText());
            assertEquals("escalation.inspectionId", lost.data().get("field").asText());
            assertEquals("inspection " + unknownInspection + " does not exist in tasks-service",
                    lost.data().get("reason").asText());

            var untitled = probe.await(e -> untitledFeedback.equals(e.subject()), Duration.ofSeconds(60));
            assertEquals("FeedbackEscalationRefused", untitled.type());
            assertEquals("escalation.title", untitled.data().get("field").asText());
            assertEquals(inspectionId, untitled.data().get("inspectionId").asText());

            var garbled = probe.await(e -> garbledFeedback.equals(e.subject()), Duration.ofSeconds(60));
            assertEquals("FeedbackEscalationRefused", garbled.type());
            assertEquals("escalation.inspectionId", garbled.data().get("field").asText());
            assertEquals("escalation.inspectionId is not a valid value of its type", garbled.data().get("reason").asText());
        }
        given().queryParam("inspectionId", inspectionId).queryParam("source", "FEEDBACK")
                .get("/problems").then().body("total", equalTo(0));
    }

    /**
     * Every public submission is a FeedbackReceived on the feedback topic; this consumer reads only
     * escalations. Told by the CloudEvents type header, the others are passed over unread (a body that
     * could not be read is not dead-lettered here) and unrecorded; an escalation after them, and one
     * without the header, are still applied.
     */
    @Test
    void otherFeedbackEventsArePassedOverUnreadAndUnrecorded() throws Exception {
        String inspectionId = Fixtures.inspection();
        String feedbackId = UUID.randomUUID().toString();
        String receivedId = UUID.randomUUID().toString();
        String escalationId = UUID.randomUUID().toString();
        sendFeedbackEvent(feedbackId, receivedId, "FeedbackReceived", feedbackId, "\"不是对象\"", true);
        escalateBehind(feedbackId, escalationId, inspectionId);

        awaitProblemsFromFeedback(inspectionId, 1);
        assertEquals(1, count("SELECT count(*) FROM consumed_event WHERE consumer = ? AND event_id = ?", escalationId));
        assertEquals(0, count("SELECT count(*) FROM consumed_event WHERE consumer = ? AND event_id = ?", receivedId));
        assertEquals(0, count("SELECT count(*) FROM dead_letter WHERE consumer = ? AND event_id = ?", receivedId));
    }

    /**
     * An escalation naming no feedback it could be answered to cannot become a problem nor a
     * refusal: it is a dead letter, which the administrator reads here as in every service.
     */
    @Test
    void anEscalationThatCannotBeReadIsADeadLetterTheAdministratorReads() {
        String eventId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        sendFeedbackEvent(marker, eventId, "FeedbackEscalated", "不是编号", "\"" + marker + "\"", true);

        String mine = "find { it.eventId == '" + eventId + "' }";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200)
                        .body(mine + ".consumer", equalTo(FeedbackEscalationHandler.CONSUMER))
                        .body(mine + ".eventType", equalTo("FeedbackEscalated"))
                        .body(mine + ".topic", equalTo(EventTopics.FEEDBACK))
                        .body(mine + ".reason", containsString("no data object")));
        Number id = given().queryParam("limit", 1000).when().get("/dead-letters").then().extract().path(mine + ".id");
        given().when().get("/dead-letters/" + id).then().statusCode(200)
                .body("eventId", equalTo(eventId)).body("payload", containsString(marker));
        String bytes = given().when().get("/dead-letters/" + id + "/payload").then().statusCode(200)
                .contentType("application/octet-stream").extract().asString();
        assertTrue(bytes.contains(marker), bytes);
        given().when().get("/dead-letters/" + Long.MAX_VALUE).then().statusCode(404);
        given().header("X-Test-Roles", "coordinator").when().get("/dead-letters").then().statusCode(403);
    }

    /**
     * A newer producer's event of a type this build does not know is passed over, as the catalogue
     * promises, but not unseen: counted, and logged once per type with where it lay, not its body.
     * Told by its type header, or, without one, read and then told by its envelope.
     */
    @Test
    void eventsOfATypeThisBuildDoesNotKnowAreCountedAndLoggedOncePerType() throws Exception {
        String inspectionId = Fixtures.inspection();
        String feedbackId = UUID.randomUUID().toString();
        String type = "FeedbackTeleported" + UUID.randomUUID().toString().replace("-", "");
        String secret = "举报人甲" + UUID.randomUUID();
        double before = unknownEventsCounted();
        try (LogCapture log = LogCapture.start()) {
            for (boolean withHeaders : new boolean[]{true, true, false}) {
                sendFeedbackEvent(feedbackId, UUID.randomUUID().toString(), type, feedbackId,
                        "{\"text\":\"" + secret + "\"}", withHeaders);
            }
            // an escalation behind them in their partition: once it is applied, they were passed over
            escalateBehind(feedbackId, UUID.randomUUID().toString(), inspectionId);
            awaitProblemsFromFeedback(inspectionId, 1);

            assertEquals(3, unknownEventsCounted() - before, 0.0);
            List<LogCapture.Line> lines = log.lines(line -> line.message() != null && line.message().contains(type));
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).message().contains(EventTopics.FEEDBACK + "-"), lines.get(0).message());
            assertTrue(log.lines(line -> line.message() != null && line.message().contains(secret)).isEmpty(),
                    "the body is never logged");
        }
    }

    /** An event on the feedback topic as feedback-service's relay sends it: with the CloudEvents headers, unless told not to. */
    private static void sendFeedbackEvent(String key, String id, String type, String subject, String data, boolean withHeaders) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/feedback-service","type":"%s",
                 "subject":"%s","time":"2025-11-10T01:00:00Z","aggregatetype":"Feedback","aggregateversion":0,
                 "data":%s}""".formatted(id, type, subject, data);
        if (withHeaders) {
            EventProbe.send(EventTopics.FEEDBACK, key, event,
                    CloudEventHeaders.of("1.0", id, "/feedback-service", type, subject, "2025-11-10T01:00:00Z"));
        } else {
            EventProbe.send(EventTopics.FEEDBACK, key, event);
        }
    }

    /** An escalation under the same key, behind what was sent before it in its partition. */
    private static void escalateBehind(String feedbackId, String escalationId, String inspectionId) {
        EventProbe.send(EventTopics.FEEDBACK, feedbackId, escalated(escalationId, feedbackId, inspectionId, null, "停车难问题"),
                CloudEventHeaders.of("1.0", escalationId, "/feedback-service", "FeedbackEscalated", feedbackId,
                        "2025-11-10T02:00:00Z"));
    }

    private static void awaitProblemsFromFeedback(String inspectionId, int total) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().queryParam("inspectionId", inspectionId).queryParam("source", "FEEDBACK")
                        .get("/problems").then().extract().<Integer>path("total") == total);
    }

    private double unknownEventsCounted() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile("rectification_consumer_unknown_events_total\\{[^}]*consumer=\""
                + java.util.regex.Pattern.quote(FeedbackEscalationHandler.CONSUMER) + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        assertTrue(counted.find(), metrics);
        return Double.parseDouble(counted.group(1));
    }

    private long count(String sql, String eventId) throws Exception {
        return Counts.of(dataSource, sql, FeedbackEscalationHandler.CONSUMER, eventId);
    }
}
