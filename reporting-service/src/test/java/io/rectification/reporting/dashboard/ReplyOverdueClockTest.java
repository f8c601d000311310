package io.rectification.reporting.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A reply is overdue as of the service's clock (platform Clocks, pinned here), not the database's
 * {@code now()}: one second before the reply is due it is not counted, one second after it is.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReplyOverdueClockTest {

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void aReplyIsOverdueByTheServicesClock() {
        ContractEvents plan = new ContractEvents();
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        // received 2025-11-06 09:30 in Shanghai: the reply is due 15 days later, 2025-11-21 09:30 (01:30Z)
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(UUID.randomUUID(), publication, "PHONE",
                "RECEIVED", "2025-11-06T09:30:00+08:00"), 1, Map.of());
        AdjustableClock.pinAt(Instant.parse("2025-11-21T01:29:59Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .queryParam("inspectionId", plan.inspectionId.toString()).when().get("/dashboard/feedback")
                .then().statusCode(200).body("received", equalTo(1)).body("replyOverdue", equalTo(0)));
        AdjustableClock.pinAt(Instant.parse("2025-11-21T01:30:01Z"));
        given().queryParam("inspectionId", plan.inspectionId.toString()).when().get("/dashboard/feedback")
                .then().statusCode(200).body("replyOverdue", equalTo(1));
    }
}
