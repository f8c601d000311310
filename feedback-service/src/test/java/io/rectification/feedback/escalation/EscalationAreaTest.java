package io.rectification.feedback.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An escalation's area must be one of the feedback's inspection: tasks-service would file the problem
 * under 「群众反馈意见建议」 instead, while the feedback kept the other inspection's area.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EscalationAreaTest {

    private static Response escalate(String feedbackId, UUID areaId) {
        return given().contentType(ContentType.JSON).header("X-Actor", "wang.kezhang")
                .body("{\"title\":\"食堂招标不公开\",\"description\":\"经核实，需立项整改。\",\"areaId\":\"" + areaId + "\"}")
                .when().post("/feedback/" + feedbackId + "/escalate");
    }

    @Test
    void anAreaOfAnotherInspectionOrNoneKnownIsRefusedNamingAreaId() {
        UUID inspection = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String publication = Publications.create(Publications.json(inspection,
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        UUID ownArea = UUID.randomUUID();
        UUID otherArea = UUID.randomUUID();
        Ledger.inspection(other);
        Ledger.area(inspection, ownArea, 1, "落实全面从严治党不到位");
        Ledger.area(other, otherArea, 1, "推进管理机制改革不彻底");
        String id = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"2026-01-10","text":"反映食堂招标不公开。"}"""
                        .formatted(publication))
                .when().post("/feedback").then().statusCode(201).extract().path("id");

        escalate(id, UUID.randomUUID()).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("areaId"));
        // both areas read from the topic: the other inspection's is refused, not filed elsewhere
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> escalate(id, otherArea).statusCode() != 422);
        escalate(id, otherArea).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("areaId"));
        given().when().get("/feedback/" + id).then().body("status", equalTo("RECEIVED"));

        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> escalate(id, ownArea).statusCode() != 422);
            given().when().get("/feedback/" + id).then().body("status", equalTo("ESCALATED"))
                    .body("areaId", equalTo(ownArea.toString()));
            EventEnvelope escalated = probe.await(e -> id.equals(e.subject()) && e.type().equals("FeedbackEscalated"),
                    Duration.ofSeconds(30));
            assertEquals(ownArea.toString(), escalated.data().path("escalation").path("areaId").asText());
        }
    }
}
