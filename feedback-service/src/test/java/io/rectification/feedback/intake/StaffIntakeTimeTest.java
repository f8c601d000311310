package io.rectification.feedback.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Staff intake keeps the time of a call when given (issue 10): a phone call registered at 14:35 was
 * received at 14:35 in the publication's zone, not at midnight before it; without a time the day
 * counts, as before.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class StaffIntakeTimeTest {

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    private static String call(String publication, String receivedOn, String receivedTime) {
        return """
                {"publicationId":"%s","channel":"PHONE","receivedOn":"%s"%s,"text":"反映补偿款兑付拖延的问题。"}"""
                .formatted(publication, receivedOn, receivedTime == null ? "" : ",\"receivedTime\":\"" + receivedTime + "\"");
    }

    @Test
    void aCallsTimeIsKeptAndStartsTheReplyDeadline() {
        String publication = Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        AdjustableClock.pinAt(Instant.parse("2026-01-16T06:40:00Z")); // 14:40 on 16 January in Shanghai
        String id = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                .body(call(publication, "2026-01-16", "14:35")).when().post("/feedback")
                .then().statusCode(201)
                .body("receivedAt", equalTo("2026-01-16T14:35:00+08:00"))
                .extract().path("id");
        given().when().get("/feedback/" + id).then().statusCode(200)
                .body("receivedAt", equalTo("2026-01-16T14:35:00+08:00"))
                .body("replyDueAt", equalTo("2026-01-31T14:35:00+08:00"));
        given().when().get("/feedback/" + id + "/history").then().statusCode(200)
                .body("[0].detail", containsString("2026-01-16 at 14:35"));

        // without a time, the day counts from its first minute, as before
        given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                .body(call(publication, "2026-01-15", null)).when().post("/feedback")
                .then().statusCode(201).body("receivedAt", equalTo("2026-01-15T00:00:00+08:00"));
        // yesterday's last minute is not in the future
        given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                .body(call(publication, "2026-01-15", "23:59:30")).when().post("/feedback")
                .then().statusCode(201).body("receivedAt", equalTo("2026-01-15T23:59:30+08:00"));
    }

    @Test
    void aTimeStillToComeOrNotATimeIsRefusedNamingIt() {
        String publication = Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        AdjustableClock.pinAt(Instant.parse("2026-01-16T06:40:00Z"));
        for (String time : new String[]{"14:41", "25:00", "2pm"}) {
            given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                    .body(call(publication, "2026-01-16", time)).when().post("/feedback")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("receivedTime"));
        }
    }
}
