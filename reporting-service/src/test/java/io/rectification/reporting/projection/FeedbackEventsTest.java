package io.rectification.reporting.projection;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class FeedbackEventsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void feedbackIsCountedByDayChannelCategoryAndStatusWithTheTimeToAnswer() {
        ContractEvents plan = new ContractEvents();
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        UUID phone = UUID.randomUUID();
        UUID web = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        // received late on the 6th in Shanghai (still the 6th there, though the 6th in UTC too)
        ContractEvents.sendFeedback("FeedbackReceived",
                plan.feedback(phone, publication, "PHONE", "RECEIVED", "2025-11-06T09:30:00+08:00"), 1, Map.of());
        ObjectNode answered = plan.feedback(phone, publication, "PHONE", "ANSWERED", "2025-11-06T09:30:00+08:00")
                .put("category", "SUGGESTION").put("triagedAt", "2025-11-06T10:00:00+08:00")
                .put("answeredAt", "2025-11-07T15:30:00+08:00");
        ContractEvents.sendFeedback("FeedbackAnswered", answered, 3, Map.of());
        // 00:30 in Shanghai on the 8th is still the 7th in UTC: the day is counted in the organisation's zone
        ContractEvents.sendFeedback("FeedbackReceived",
                plan.feedback(web, publication, "WEB", "RECEIVED", "2025-11-08T00:30:00+08:00"), 1, Map.of());
        ContractEvents.sendFeedback("FeedbackEscalated",
                plan.feedback(post, publication, "POST", "ESCALATED", "2025-11-08T11:00:00+08:00")
                        .put("category", "COMPLAINT"), 2,
                Map.of("escalation", Map.of("inspectionId", plan.inspectionId.toString(),
                        "title", "回迁安置进度滞后", "description", "群众反映回迁安置房交付延迟")));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/dashboard/feedback")
                .then().statusCode(200)
                .body("received", equalTo(3))
                .body("answered", equalTo(1))
                .body("byChannel.PHONE", equalTo(1))
                .body("byChannel.WEB", equalTo(1))
                .body("byCategory.SUGGESTION", equalTo(1))
                .body("byCategory.UNCATEGORISED", equalTo(1))
                .body("byStatus.ESCALATED", equalTo(1))
                .body("escalated", equalTo(1))
                .body("averageHoursToAnswer", equalTo(30.0f))
                .body("byDay", hasSize(3))
                .body("byDay[0].day", equalTo("2025-11-06"))
                .body("byDay[0].received", equalTo(1))
                .body("byDay[1].day", equalTo("2025-11-07"))
                .body("byDay[1].answered", equalTo(1))
                .body("byDay[2].day", equalTo("2025-11-08"))
                .body("byDay[2].received", equalTo(2)));

        given().queryParam("inspectionId", plan.inspectionId.toString()).queryParam("from", "2025-11-08")
                .when().get("/dashboard/feedback")
                .then().statusCode(200).body("received", equalTo(2));

        given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/read-models/publications")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].channels.phoneHours", equalTo("工作日9:00—17:30"))
                .body("[0].windowEnd", equalTo("2025-11-13T15:59:59Z"));

        given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/read-models/escalations")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].feedbackId", equalTo(post.toString()))
                .body("[0].title", equalTo("回迁安置进度滞后"))
                .body("[0].areaId", nullValue());
    }
}
