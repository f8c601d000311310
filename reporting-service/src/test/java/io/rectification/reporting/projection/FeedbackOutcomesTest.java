package io.rectification.reporting.projection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The feedback events after the first ones (escalation refused, linked to its problem, merged into
 * an answered item) as reporting-service's read models, dashboard and 待办 show them.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FeedbackOutcomesTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void refusedLinkedAndMergedFeedbackIsShownAsFeedbackServiceHasIt() {
        ContractEvents plan = new ContractEvents();
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String inspection = plan.inspectionId.toString();
        Map<String, Object> escalation = Map.of("escalation", Map.of("inspectionId", inspection,
                "title", "回迁安置进度滞后", "description", "回迁安置房交付延迟"));
        UUID refused = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackEscalated",
                plan.feedback(refused, publication, "PHONE", "ESCALATED", "2025-11-06T09:00:00+08:00"), 2, escalation);
        ContractEvents.sendFeedback("FeedbackEscalationFailed",
                plan.feedback(refused, publication, "PHONE", "ESCALATION_REFUSED", "2025-11-06T09:00:00+08:00"), 3,
                Map.of("field", "inspectionId", "reason", "inspection does not exist here"));
        UUID linked = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackEscalated",
                plan.feedback(linked, publication, "WEB", "ESCALATED", "2025-11-06T10:00:00+08:00"), 2, escalation);
        ContractEvents.sendFeedback("FeedbackLinkedToProblem",
                plan.feedback(linked, publication, "WEB", "ESCALATED", "2025-11-06T10:00:00+08:00"), 3,
                Map.of("problemId", problem.toString()));
        UUID answered = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(answered, publication, "EMAIL", "ANSWERED",
                "2025-11-06T11:00:00+08:00").put("answeredAt", "2025-11-07T11:00:00+08:00"), 2, Map.of());
        UUID merged = UUID.randomUUID();
        ContractEvents.sendFeedback("FeedbackMerged",
                plan.feedback(merged, publication, "WEB", "MERGED", "2025-11-06T12:00:00+08:00"), 2,
                Map.of("mergedIntoId", answered.toString()));
        ContractEvents.sendFeedback("FeedbackClosed", plan.feedback(UUID.randomUUID(), publication, "POST", "CLOSED",
                "2025-11-06T13:00:00+08:00").put("closedAt", "2025-11-07T13:00:00+08:00"), 2, Map.of());

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .when().get("/dashboard/feedback").then().statusCode(200)
                .body("received", equalTo(5))
                .body("byStatus.ESCALATION_REFUSED", equalTo(1))
                .body("escalated", equalTo(1))
                .body("linkedToProblem", equalTo(1))
                .body("escalationRefused", equalTo(1))
                .body("mergedAndAnswered", equalTo(1)));
        // the funnel adds up: 收到 5 = 已答复 1 + 合并件随主件答复 1 + 办结未另行答复 1 + 尚待答复 2 (the two escalated),
        // not 收到 5 beside 已答复 1 alone
        given().queryParam("inspectionId", inspection).when().get("/dashboard/director/feedback-funnel").then()
                .statusCode(200)
                .body("received", equalTo(5))
                .body("answered", equalTo(1))
                .body("mergedAndAnswered", equalTo(1))
                .body("closedWithoutAnswer", equalTo(1))
                .body("awaitingAnswer", equalTo(2));
        JsonPath escalations = given().queryParam("inspectionId", inspection).when().get("/read-models/escalations")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> refusal = escalations.getMap("find { it.feedbackId == '" + refused + "' }");
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals("inspectionId", refusal.get("refusedField"));
        assertEquals("inspection does not exist here", refusal.get("refusedReason"));
        Map<String, Object> registered = escalations.getMap("find { it.feedbackId == '" + linked + "' }");
        assertEquals("REGISTERED", registered.get("outcome"));
        assertEquals(problem.toString(), registered.get("problemId"));

        // escalated feedback is still owed an answer (feedback-service's rule), refused or linked
        AdjustableClock.pinAt(Instant.parse("2025-11-25T02:00:00Z"));
        String coordinator = TestTokens.token("zhengban-" + UUID.randomUUID(), "coordinator");
        List<String> owed = given().auth().oauth2(coordinator).when().get("/todos").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.kind == 'FEEDBACK_REPLY_OVERDUE' }.feedbackId");
        assertEquals(List.of(true, true, false, false), List.of(owed.contains(refused.toString()),
                owed.contains(linked.toString()), owed.contains(answered.toString()), owed.contains(merged.toString())));

        // escalated again: the refusal no longer stands
        ContractEvents.sendFeedback("FeedbackEscalated",
                plan.feedback(refused, publication, "PHONE", "ESCALATED", "2025-11-06T09:00:00+08:00"), 4, escalation);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .when().get("/dashboard/feedback").then().statusCode(200)
                .body("escalated", equalTo(2)).body("escalationRefused", equalTo(0)));
        given().queryParam("inspectionId", inspection).when().get("/read-models/escalations").then().statusCode(200)
                .body("find { it.feedbackId == '" + refused + "' }.outcome", equalTo("PENDING"))
                .body("find { it.feedbackId == '" + refused + "' }.refusedReason", nullValue());
    }
}
