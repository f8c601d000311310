package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Publishing is rate-limited (issue 14, finding 9: thirty versions in a second): a version that
 * reads as the last one does is refused with 409, and past reporting.report.versions-per-day (10)
 * versions of one report in a day (Asia/Shanghai) the next is refused with 429 and Retry-After
 * until that day ends; the next day it is published.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportPublishLimitTest {

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void aRepeatedVersionAndTheEleventhOfADayAreRefusedTheNextDayPublishes() {
        ReportFiguresTest.Ledger ledger = new ReportFiguresTest.Ledger();
        String inspection = ledger.plan.inspectionId.toString();
        ledger.draft(Map.of("totalsExplanation", "其余问题已即知即改"));
        await().atMost(ReportFiguresTest.WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true)));
        // 22:00 in Shanghai: two hours (7,200 s) of the day left
        AdjustableClock.pinAt(Instant.parse("2025-11-10T14:00:00Z"));
        publish(inspection).then().statusCode(201).body("number", equalTo(1));

        publish(inspection).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Nothing changed")).body("sameAsVersion", equalTo(1));

        for (int number = 2; number <= 10; number++) {
            ledger.draft(Map.of("totalsExplanation", "其余问题已即知即改", "nextSteps", "第" + number + "稿：持续巩固整改成果。"));
            publish(inspection).then().statusCode(201).body("number", equalTo(number));
        }
        ledger.draft(Map.of("totalsExplanation", "其余问题已即知即改", "nextSteps", "第11稿：持续巩固整改成果。"));
        publish(inspection).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "7200").body("retryAfterSeconds", equalTo(7200));
        given().when().get("/reports/" + inspection + "/versions").then().body("size()", equalTo(10));

        AdjustableClock.pinAt(Instant.parse("2025-11-10T16:00:00Z")); // midnight in Shanghai: a new day
        publish(inspection).then().statusCode(201).body("number", equalTo(11));
    }

    private static io.restassured.response.Response publish(String inspection) {
        return DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions");
    }
}
