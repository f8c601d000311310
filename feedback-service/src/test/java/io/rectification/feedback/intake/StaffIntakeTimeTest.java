package io.rectification.feedback.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.ids.TimeOrderedIds;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff intake keeps the time of a call when given (issue 10): a phone call registered at 14:35 was
 * received at 14:35 in the publication's zone, not at midnight before it; without a time the day
 * counts, as before.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class StaffIntakeTimeTest {

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");

    @Inject
    DataSource dataSource;

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
        // the record's id is in time order (version 7) at the moment it was made, not at the call's
        assertEquals(Instant.parse("2026-01-16T06:40:00Z").toEpochMilli(), TimeOrderedIds.millisOf(UUID.fromString(id)));
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

    private static JsonPath record(String publication, String receivedOn, String receivedTime) {
        return given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                .body(call(publication, receivedOn, receivedTime)).when().post("/feedback")
                .then().statusCode(201).extract().jsonPath();
    }

    /** receivedOn on the public tracking page: the day alone, or null when the time is known. */
    private static String trackedDay(JsonPath recorded) {
        return Clients.citizen().when().get("/feedback/track/" + recorded.getString("trackingCode"))
                .then().statusCode(200).extract().path("receivedOn");
    }

    private static boolean timeGiven(JsonPath recorded) {
        return given().when().get("/feedback/" + recorded.getString("id")).then().statusCode(200)
                .extract().path("receivedTimeGiven");
    }

    private void update(String statement, String publication) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(publication));
            update.executeUpdate();
        }
    }

    @Test
    void whetherTheTimeWasGivenIsStoredAndSaidAlikeByTheStaffViewTheTrackingPageAndTheEvent() throws Exception {
        String publication = Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        AdjustableClock.pinAt(Instant.parse("2026-01-16T06:40:00Z"));
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            JsonPath letter = record(publication, "2026-01-15", null);
            // a call at midnight is a time given, though its receivedAt is the letter's to the second
            JsonPath midnight = record(publication, "2026-01-15", "00:00");
            assertEquals(letter.getString("receivedAt"), midnight.getString("receivedAt"));
            assertEquals(false, letter.getBoolean("receivedTimeGiven"));
            assertEquals(true, midnight.getBoolean("receivedTimeGiven"));
            assertEquals(false, timeGiven(letter));
            assertEquals("2026-01-15", trackedDay(letter));
            assertEquals(null, trackedDay(midnight));
            for (JsonPath recorded : new JsonPath[]{letter, midnight}) {
                String id = recorded.getString("id");
                EventEnvelope event = probe.await(e -> id.equals(e.subject()) && "FeedbackReceived".equals(e.type()),
                        Duration.ofSeconds(30));
                assertTrue(event.data().path("feedback").has("receivedTimeGiven"), event.data().toString());
                assertEquals(recorded.getBoolean("receivedTimeGiven"),
                        event.data().path("feedback").path("receivedTimeGiven").asBoolean());
                EVENTS.assertPublished(probe.record(event));
            }

            // the stored flag decides, not the history's text (the call's entry still says " at 00:00")
            update("UPDATE feedback SET received_time_given = false WHERE publication_id = ?", publication);
            assertEquals("2026-01-15", trackedDay(midnight));
            assertEquals(false, timeGiven(midnight));
        }
    }

    /**
     * V16 backfills the rows registered before the column from their RECEIVED entry's text, by the rule the
     * tracking page applied to it until then: run again on rows as they stood before V16 (every flag true), it
     * finds the letters without a time and leaves the calls at 00:00 and at 14:35 alone.
     */
    @Test
    void theMigrationBackfillsTheFlagFromTheHistoryOfRowsRegisteredBefore() throws Exception {
        String publication = Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        AdjustableClock.pinAt(Instant.parse("2026-01-16T06:40:00Z"));
        JsonPath letter = record(publication, "2026-01-15", null);
        JsonPath withReceipt = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                .body(call(publication, "2026-01-14", null).replace("\"text\"", "\"receiptNumber\":\"信访〔2026〕12号\",\"text\""))
                .when().post("/feedback").then().statusCode(201).extract().jsonPath();
        JsonPath midnight = record(publication, "2026-01-15", "00:00");
        JsonPath afternoon = record(publication, "2026-01-15", "14:35");
        update("UPDATE feedback SET received_time_given = true WHERE publication_id = ?", publication);
        assertEquals(true, timeGiven(letter));

        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V16__received_time_given.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("UPDATE feedback"), migration.lastIndexOf(';'));
        update(backfill + " AND f.publication_id = ?", publication);

        assertEquals(false, timeGiven(letter));
        assertEquals(false, timeGiven(withReceipt));
        assertEquals(true, timeGiven(midnight));
        assertEquals(true, timeGiven(afternoon));
    }
}
