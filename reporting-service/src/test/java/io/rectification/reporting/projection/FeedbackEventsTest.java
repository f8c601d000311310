package io.rectification.reporting.projection;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
                .body("[0].windowEnd", equalTo("2025-11-13T23:59:59+08:00"));

        given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/read-models/escalations")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].feedbackId", equalTo(post.toString()))
                .body("[0].title", equalTo("回迁安置进度滞后"))
                .body("[0].areaId", nullValue());
    }

    /**
     * The feedback topic's read models under the deliveries the issue names: feedback before its
     * publication (another aggregate), the same event twice, an older version after a newer one, an
     * event type this service does not know, and messages it cannot use.
     */
    @Test
    void feedbackReadModelsTolerateDuplicatesOrderUnknownTypesAndBadMessages() {
        ContractEvents plan = new ContractEvents();
        UUID publication = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        UUID escalated = UUID.randomUUID();
        // feedback and an escalation arrive before the publication they belong to
        String received = UUID.randomUUID().toString();
        Map<String, Object> receivedData = Map.of("feedback",
                plan.feedback(answered, publication, "EMAIL", "RECEIVED", "2025-11-07T08:00:00+08:00"));
        ContractEvents.sendWithId(received, EventTopics.FEEDBACK, "FeedbackReceived", "Feedback", answered, 1, receivedData);
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(answered, publication, "EMAIL", "ANSWERED",
                        "2025-11-07T08:00:00+08:00").put("category", "SUGGESTION").put("answeredAt", "2025-11-08T08:00:00+08:00"),
                3, Map.of());
        // an older version after the newer one, and the first event again: both change nothing
        ContractEvents.sendFeedback("FeedbackTriaged", plan.feedback(answered, publication, "EMAIL", "TRIAGED",
                "2025-11-07T08:00:00+08:00").put("category", "COMPLAINT"), 2, Map.of());
        ContractEvents.sendWithId(received, EventTopics.FEEDBACK, "FeedbackReceived", "Feedback", answered, 1, receivedData);
        String escalation = UUID.randomUUID().toString();
        Map<String, Object> escalationData = Map.of(
                "feedback", plan.feedback(escalated, publication, "PHONE", "ESCALATED", "2025-11-08T09:00:00+08:00"),
                "escalation", Map.of("inspectionId", plan.inspectionId.toString(), "title", "回迁安置进度滞后",
                        "description", "回迁安置房交付延迟"));
        ContractEvents.sendWithId(escalation, EventTopics.FEEDBACK, "FeedbackEscalated", "Feedback", escalated, 2, escalationData);
        ContractEvents.sendWithId(escalation, EventTopics.FEEDBACK, "FeedbackEscalated", "Feedback", escalated, 2, escalationData);
        // Probes sent under the keys of the two, so they land on the same partitions behind the older
        // version and the duplicates: once the probes are counted, those have been read.
        for (UUID key : List.of(answered, escalated)) {
            ContractEvents.sendWithId(UUID.randomUUID().toString(), EventTopics.FEEDBACK, "FeedbackReceived", "Feedback",
                    key, 1, Map.of("feedback", plan.feedback(UUID.randomUUID(), publication, "WEB", "RECEIVED",
                            "2025-11-09T09:00:00+08:00")));
        }
        // what this service cannot use: a type it does not know, a message that is not JSON, feedback without an id
        String unknown = ContractEvents.send(EventTopics.FEEDBACK, "FeedbackTeleported", "Feedback", UUID.randomUUID(), 1,
                Map.of("somewhere", "else"));
        String marker = "不是JSON-" + UUID.randomUUID();
        EventProbe.send(EventTopics.FEEDBACK, "k", "{" + marker);
        String noId = ContractEvents.send(EventTopics.FEEDBACK, "FeedbackReceived", "Feedback", UUID.randomUUID(), 1,
                Map.of("feedback", Map.of("channel", "WEB")));
        // the publication comes last
        plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");

        String inspection = plan.inspectionId.toString();
        // partitions are read in no set order: wait until the last of each aggregate's events is in
        await().atMost(WAIT).untilAsserted(() -> {
            given().queryParam("inspectionId", inspection)
                    .when().get("/read-models/publications").then().statusCode(200).body("", hasSize(1));
            given().queryParam("inspectionId", inspection).when().get("/dashboard/feedback")
                    .then().statusCode(200).body("received", equalTo(4)).body("answered", equalTo(1));
        });
        given().queryParam("inspectionId", inspection).when().get("/dashboard/feedback")
                .then().statusCode(200)
                .body("byStatus.ANSWERED", equalTo(1))
                .body("byStatus.ESCALATED", equalTo(1))
                .body("byStatus.TRIAGED", nullValue())
                .body("byCategory.SUGGESTION", equalTo(1))
                .body("escalated", equalTo(1));
        given().queryParam("inspectionId", inspection).when().get("/read-models/escalations")
                .then().statusCode(200).body("", hasSize(1)).body("[0].feedbackId", equalTo(escalated.toString()));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("limit", 1000).when().get("/dead-letters")
                .then().statusCode(200)
                .body("payload", hasItem(containsString(marker)))
                .body("eventId", hasItem(noId))
                .body("eventId", not(hasItem(unknown)))
                .body("eventId", not(hasItem(received)))
                .body("eventId", not(hasItem(escalation))));
    }
}
