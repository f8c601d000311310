package io.rectification.feedback.handling;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who handles feedback (docs/security.md, "Roles"), with the demo realm's people as the tokens
 * carry them: the office (整改办) and the feedback handler (来信来电, not a coordinator) do, the
 * operator (运维, admin) reads the inbox but answers nothing.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FeedbackDutiesTest {

    private static final String ADMIN = TestTokens.token("yunwei", "admin");
    private static final String COORDINATOR = TestTokens.token("zhengban", "coordinator");
    private static final String FEEDBACK_HANDLER = TestTokens.token("xinfang", "feedback-handler", "personal-data");

    @Test
    void theFeedbackHandlerTakesACallSeesTheCallerTriagesAnswersAndClosesButPublishesNothing() {
        String publication = Publications.openNow();
        String id = as(FEEDBACK_HANDLER).contentType(ContentType.JSON).body(phoneCall(publication))
                .post("/feedback").then().statusCode(201).extract().path("id");
        as(FEEDBACK_HANDLER).get("/feedback").then().statusCode(200);
        as(FEEDBACK_HANDLER).get("/feedback/" + id + "/submitter").then().statusCode(200).body("name", equalTo("赵大爷"));
        as(FEEDBACK_HANDLER).contentType(ContentType.JSON).body("{\"category\":\"SUGGESTION\"}")
                .post("/feedback/" + id + "/triage").then().statusCode(200).body("status", equalTo("TRIAGED"));
        as(FEEDBACK_HANDLER).contentType(ContentType.JSON).body("{\"answer\":\"已联系城管部门，三日内修复。\"}")
                .post("/feedback/" + id + "/answer").then().statusCode(200).body("status", equalTo("ANSWERED"));
        as(FEEDBACK_HANDLER).contentType(ContentType.JSON).body("{\"reason\":\"已修复\"}")
                .post("/feedback/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        as(FEEDBACK_HANDLER).get("/feedback/" + id + "/history").then().statusCode(200)
                .body("findAll { it.action == 'ANSWERED' }.actor", org.hamcrest.Matchers.contains("xinfang"));

        as(FEEDBACK_HANDLER).contentType(ContentType.JSON)
                .body(Publications.json(UUID.randomUUID(), java.time.LocalDateTime.parse("2026-01-01T00:00:00"), java.time.LocalDateTime.parse("2026-01-10T23:59:59"), null))
                .post("/publications").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theOperatorReadsTheInboxButRegistersTriagesAndAnswersNothing() {
        String publication = Publications.openNow();
        as(ADMIN).contentType(ContentType.JSON).body(phoneCall(publication))
                .post("/feedback").then().statusCode(403).contentType("application/problem+json");
        String id = as(COORDINATOR).contentType(ContentType.JSON).body(phoneCall(publication))
                .post("/feedback").then().statusCode(201).extract().path("id");

        as(ADMIN).contentType(ContentType.JSON).body("{\"category\":\"COMPLAINT\"}").post("/feedback/" + id + "/triage")
                .then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).contentType(ContentType.JSON).body("{\"answer\":\"运维代为答复\"}").post("/feedback/" + id + "/answer")
                .then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"运维办结\"}").post("/feedback/" + id + "/close")
                .then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).contentType(ContentType.JSON)
                .body(Publications.json(UUID.randomUUID(), java.time.LocalDateTime.parse("2026-01-01T00:00:00"), java.time.LocalDateTime.parse("2026-01-10T23:59:59"), null))
                .post("/publications").then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).get("/feedback/" + id).then().statusCode(200).body("status", equalTo("RECEIVED"));

        as(COORDINATOR).contentType(ContentType.JSON).body("{\"category\":\"COMPLAINT\"}").post("/feedback/" + id + "/triage")
                .then().statusCode(200).body("status", equalTo("TRIAGED"));
        as(ADMIN).contentType(ContentType.JSON).body("{\"answer\":\"运维代为答复\"}").post("/feedback/" + id + "/answer")
                .then().statusCode(403).contentType("application/problem+json");
        as(COORDINATOR).contentType(ContentType.JSON).body("{\"answer\":\"已转有关部门办理。\"}").post("/feedback/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));
    }

    /** A call taken today by phone, with the caller's contact details. */
    static String phoneCall(String publication) {
        return """
                {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","text":"反映园区路灯损坏，夜间出行不便。",
                 "name":"赵大爷","phone":"13900001111"}""".formatted(publication, AdjustableClock.current().toLocalDate());
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
