package io.rectification.feedback.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.ledger.EscalationReplies;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import io.rectification.platform.testing.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop back from tasks-service, with tasks-service played by {@link Ledger} on the real broker:
 * a refused escalation is shown to staff (not ESCALATED) and can be escalated again; a problem
 * registered from the feedback links it, and the tracking page says so with public fields only;
 * an escalated feedback can still be answered; a merged one shows the answer of the one it joined.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EscalationLoopTest {

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");

    @Inject
    EscalationReplies replies;

    static RequestSpecification asStaff(String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor);
    }

    static String[] phoneCall(String publication, String text) {
        String id = asStaff("li.ganshi").body("""
                        {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","text":"%s","name":"欧阳娜娜","phone":"13912345678"}"""
                        .formatted(publication, AdjustableClock.current().toLocalDate(), text))
                .when().post("/feedback").then().statusCode(201).extract().path("id");
        String code = given().when().get("/feedback/" + id).then().extract().path("trackingCode");
        return new String[]{id, code};
    }

    /** Escalates the feedback: the version it is escalated at, which FeedbackEscalated carries and a refusal names. */
    static long escalate(String id) {
        return ((Number) asStaff("wang.kezhang").body("{\"title\":\"征收补偿款未按期兑付\",\"description\":\"经核实，需立项整改。\"}")
                .when().post("/feedback/" + id + "/escalate").then().statusCode(200).body("status", equalTo("ESCALATED"))
                .extract().path("version")).longValue();
    }

    /** tasks-service refuses the escalation the feedback had at {@code version}. */
    static void refuse(String feedbackId, long version, String inspectionId, String reason) {
        Ledger.send(UUID.fromString(feedbackId), "FeedbackEscalationRefused", "FeedbackEscalation", version, """
                {"feedbackId":"%s","feedbackVersion":%d,"inspectionId":"%s","field":"escalation.inspectionId","reason":"%s"}"""
                .formatted(feedbackId, version, inspectionId, reason));
    }

    @Test
    void aRefusedEscalationIsShownToStaffWithTheReasonAndCanBeEscalatedAgainUntilItBecomesAProblem() {
        String publication = Publications.openNow();
        String inspection = given().get("/publications/" + publication).then().extract().path("inspectionId");
        String[] feedback = phoneCall(publication, "来电反映征收补偿款未按期兑付。");
        String id = feedback[0];
        String reason = "inspection " + inspection + " does not exist in tasks-service";
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            long first = escalate(id);
            refuse(id, first, inspection, reason);

            EventEnvelope failed = probe.await(e -> id.equals(e.subject()) && "FeedbackEscalationFailed".equals(e.type()),
                    Duration.ofSeconds(60));
            EVENTS.assertPublished(probe.record(failed));
            assertEquals("ESCALATION_REFUSED", failed.data().path("feedback").path("status").asText());
            assertEquals("escalation.inspectionId", failed.data().path("field").asText());
            given().when().get("/feedback/" + id).then().statusCode(200)
                    .body("status", equalTo("ESCALATION_REFUSED"))
                    .body("escalationRefusedReason", equalTo(reason))
                    .body("escalatedProblemId", nullValue());
            given().queryParam("status", "ESCALATION_REFUSED").queryParam("publicationId", publication)
                    .when().get("/feedback").then().body("items.id", contains(id));
            given().when().get("/feedback/" + id + "/history").then()
                    .body("action", contains("RECEIVED", "ESCALATED", "ESCALATION_REFUSED"))
                    .body("actor[2]", equalTo("tasks-service"));
            // the public sees it being handled, not the internal refusal
            Clients.citizen().when().get("/feedback/track/" + feedback[1]).then().statusCode(200)
                    .body("status", equalTo("TRIAGED"))
                    .body(not(containsString("tasks-service")));
            // a second refusal of the same feedback (redelivered, or late) changes nothing more
            refuse(id, first, inspection, reason);

            // staff escalate again; this time tasks-service registers the problem
            escalate(id);
            given().when().get("/feedback/" + id).then().body("escalationRefusedReason", nullValue());
            // the first escalation's refusal, late or redelivered, does not refuse the one now waiting
            QuarkusTransaction.requiringNew().run(() ->
                    replies.refused(UUID.fromString(id), first, "escalation.inspectionId", reason));
            given().when().get("/feedback/" + id).then().body("status", equalTo("ESCALATED"))
                    .body("escalationRefusedReason", nullValue());
            UUID area = UUID.randomUUID();
            UUID problem = UUID.randomUUID();
            Ledger.area(UUID.fromString(inspection), area, 6, "群众反馈意见建议");
            Ledger.problem(UUID.fromString(inspection), area, problem, 1, "征收补偿款未按期兑付", "FEEDBACK",
                    UUID.fromString(id), 0, 0);
            EventEnvelope linked = probe.await(e -> id.equals(e.subject()) && "FeedbackLinkedToProblem".equals(e.type()),
                    Duration.ofSeconds(60));
            EVENTS.assertPublished(probe.record(linked));
            assertEquals(problem.toString(), linked.data().path("problemId").asText());
            // the snapshot keeps the link, so a consumer keeping only the latest snapshot keeps it too
            assertEquals(problem.toString(), linked.data().path("feedback").path("escalatedProblemId").asText());
            assertEquals("ESCALATED", linked.data().path("feedback").path("status").asText());

            given().when().get("/feedback/" + id).then()
                    .body("status", equalTo("ESCALATED"))
                    .body("escalatedProblemId", equalTo(problem.toString()))
                    .body("escalatedProblem.title", equalTo("征收补偿款未按期兑付"))
                    .body("escalatedProblem.percentComplete", equalTo(0));
            given().when().get("/feedback/" + id + "/history").then()
                    .body("action", contains("RECEIVED", "ESCALATED", "ESCALATION_REFUSED", "ESCALATED", "BECAME_PROBLEM"));
            // the list shows the link too (each item reads the problem from the read model)
            phoneCall(publication, "另一件来电。");
            given().queryParam("publicationId", publication).when().get("/feedback").then().statusCode(200)
                    .body("items.escalatedProblem.title", hasItem("征收补偿款未按期兑付"));

            // its task's progress becomes the problem's public progress
            Ledger.task(UUID.fromString(inspection), area, problem, UUID.randomUUID(), 1, "建立补偿款兑付台账",
                    "IN_PROGRESS", 60, 0);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    Clients.citizen().when().get("/feedback/track/" + feedback[1]).then().statusCode(200)
                            .body("status", equalTo("ESCALATED"))
                            .body("problem.title", equalTo("征收补偿款未按期兑付"))
                            .body("problem.percentComplete", equalTo(60))
                            .body("problem.measures", equalTo(1))
                            .body("problem.measuresDone", equalTo(0))
                            .body(not(containsString("李某某")))
                            .body(not(containsString("13912345678"))));
            // the feedback's version stayed, its problem's progress moved: a read naming the version gets the
            // feedback whole, never a 304 that keeps the progress the client saw before
            String etag = given().when().get("/feedback/" + id).then().extract().header("ETag");
            given().header("If-None-Match", etag).when().get("/feedback/" + id).then().statusCode(200)
                    .header("ETag", equalTo(etag)).body("escalatedProblem.percentComplete", equalTo(60));
        }
    }

    @Test
    void anEscalatedFeedbackCanStillBeAnsweredAndAMergedOneShowsTheAnswerOfTheOneItJoined() {
        String publication = Publications.openNow();
        String[] first = phoneCall(publication, "反映停车难问题。");
        String[] duplicate = phoneCall(publication, "同样反映停车难问题。");
        asStaff("li.ganshi").body("{\"into\":\"" + first[0] + "\"}").when().post("/feedback/" + duplicate[0] + "/merge")
                .then().statusCode(200);
        escalate(first[0]);
        Clients.citizen().when().get("/feedback/track/" + first[1]).then().body("answer", nullValue());

        asStaff("wang.kezhang").body("{\"answer\":\"已立项整改，新增停车位200个。\"}")
                .when().post("/feedback/" + first[0] + "/answer")
                .then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("answer", equalTo("已立项整改，新增停车位200个。"));
        Clients.citizen().when().get("/feedback/track/" + first[1]).then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("answer", equalTo("已立项整改，新增停车位200个。"));
        Clients.citizen().when().get("/feedback/track/" + duplicate[1]).then().statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("answer", equalTo("已立项整改，新增停车位200个。"))
                .body("answeredAt", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString(first[1])));
        // the Open311 face shows the same answer as status_notes
        given().when().get("/open311/v2/requests/" + duplicate[1].replace("-", "") + ".json").then().statusCode(200)
                .body("[0].status_notes", equalTo("已立项整改，新增停车位200个。"));
        // closing still works after the answer
        asStaff("wang.kezhang").body("{}").when().post("/feedback/" + first[0] + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        Clients.citizen().when().get("/feedback/track/" + first[1]).then()
                .body("status", equalTo("CLOSED")).body("answer", equalTo("已立项整改，新增停车位200个。"));
    }

    /**
     * A tasks event that names a feedback but lacks a member is dead-lettered with the member's path,
     * which the administrator reads at /dead-letters as in every service.
     */
    @Test
    void aMalformedTasksEventIsDeadLetteredNamingTheMember() {
        UUID subject = UUID.randomUUID();
        Ledger.send(subject, "ProblemRegistered", "Problem", 0, """
                {"problem":{"id":"%s","areaId":"%s","number":1,"title":"缺少检查编号","source":"FEEDBACK",
                 "sourceFeedbackId":null,"percentComplete":0}}""".formatted(subject, UUID.randomUUID()));
        Ledger.send(subject, "FeedbackEscalationRefused", "FeedbackEscalation", 1, """
                {"feedbackId":"not-a-uuid","feedbackVersion":1,"inspectionId":null,"field":"x","reason":"y"}""");
        String ofSubject = "findAll { it.consumer == 'feedback-service.tasks-events' && it.payload.contains('" + subject + "') }";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200)
                        .body(ofSubject + ".eventType", contains("FeedbackEscalationRefused", "ProblemRegistered"))
                        .body(ofSubject + "[1].reason", containsString("data.problem.inspectionId"))
                        // not a UUID: the record cannot be read at all, and the reason names the member
                        .body(ofSubject + "[0].reason", containsString("FeedbackEscalationRefused[\"feedbackId\"]")));
        Number id = given().queryParam("limit", 1000).when().get("/dead-letters").then()
                .extract().path(ofSubject + "[0].id");
        given().when().get("/dead-letters/" + id).then().statusCode(200)
                .body("topic", equalTo(EventTopics.TASKS)).body("payload", containsString("not-a-uuid"));
        String bytes = given().when().get("/dead-letters/" + id + "/payload").then().statusCode(200)
                .contentType("application/octet-stream").extract().asString();
        assertTrue(bytes.contains("\"feedbackId\":\"not-a-uuid\""), bytes);
        given().header("X-Test-Roles", "coordinator").when().get("/dead-letters").then().statusCode(403);
    }
}
