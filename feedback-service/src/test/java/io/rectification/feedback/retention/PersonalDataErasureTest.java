package io.rectification.feedback.retention;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The erasure on the real database: of three feedback handled on one day of 2019 (long before any other
 * test's, so no other row is due at the instants pinned here), the one answered that day is erased the
 * instant 365 days later; the one closed a day later and the one escalated and still owed an answer
 * keep their details. The reveal then answers 410 and records nothing; the tracking page and Open311
 * still answer; a second run erases nothing new. A text that repeats the submitter's details is stored
 * as staff saw it.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PersonalDataErasureTest {

    static final Instant HANDLED = Instant.parse("2019-06-01T02:00:00Z"); // 10:00 in Shanghai
    static final String PHONE = "13912345678";

    @Inject
    PersonalDataErasure erasure;

    @Inject
    DataSource dataSource;

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    static RequestSpecification asStaff() {
        return given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi");
    }

    /** A phone call recorded by staff with every contact detail: its id and tracking code. */
    static String[] phoneCall(String publication) {
        return phoneCall(publication, "反映小区门口路灯长期不亮。");
    }

    static String[] phoneCall(String publication, String text) {
        String body = """
                {"publicationId":"%s","channel":"PHONE","receivedOn":"2019-06-01","text":"%s",
                 "name":"欧阳锋","phone":"%s","email":"oyf@example.com","address":"沈阳市浑南区世纪路2号"}"""
                .formatted(publication, text, PHONE);
        var created = asStaff().body(body).when().post("/feedback").then().statusCode(201).extract();
        return new String[]{created.path("id"), created.path("trackingCode")};
    }

    static void step(String id, String step, String body) {
        asStaff().body(body).when().post("/feedback/" + id + "/" + step).then().statusCode(200);
    }

    static RequestSpecification withPersonalData() {
        return given().header("X-Actor", "zhao.jijian").header("X-Test-Roles", "supervisor,personal-data");
    }

    @Test
    void aFeedbackFinishedForTheRetentionPeriodLosesItsContactDetailsAndTheOthersKeepTheirs() throws SQLException {
        Instant yearAfter = HANDLED.plus(Duration.ofDays(365));
        // the test database outlives a run: a row an earlier, failed run left due goes first, so the counts are this run's
        erasure.run(yearAfter);
        AdjustableClock.pinAt(HANDLED);
        String publication = Publications.openNow();
        String[] due = phoneCall(publication);
        String[] notDue = phoneCall(publication);
        String[] owed = phoneCall(publication);
        step(due[0], "triage", "{\"category\":\"COMPLAINT\"}");
        step(due[0], "answer", "{\"answer\":\"经核查，路灯已修复。\"}");
        step(owed[0], "escalate", "{\"title\":\"路灯长期不亮\",\"description\":\"群众反映小区门口路灯长期不亮，需核查整改。\"}");
        AdjustableClock.pinAt(HANDLED.plus(Duration.ofDays(1)));
        step(notDue[0], "close", "{\"reason\":\"已电话答复\"}");

        AdjustableClock.pinAt(yearAfter.minusNanos(1_000));
        assertEquals(0, erasure.run(AdjustableClock.current().toInstant()).erased(), "a microsecond too early");
        AdjustableClock.pinAt(yearAfter);
        PersonalDataErasure.Run run = erasure.run(yearAfter);
        assertEquals(1, run.erased());

        assertErased(due[0], yearAfter);
        for (String kept : List.of(notDue[0], owed[0])) {
            assertNull(column(kept, "personal_data_erased_at"));
            assertNotNull(column(kept, "phone_sealed"));
            withPersonalData().when().get("/feedback/" + kept + "/submitter").then().statusCode(200)
                    .body("phone", equalTo(PHONE));
        }

        // the staff view says when; the reveal answers 410 and is not recorded; the public views still answer
        given().when().get("/feedback/" + due[0]).then().statusCode(200)
                .body("personalDataErasedAt", equalTo("2020-05-31T10:00:00+08:00"))
                .body("submitterMasked.phone", nullValue()).body("submitterMasked.name", nullValue());
        given().when().get("/feedback/" + notDue[0]).then().statusCode(200).body("personalDataErasedAt", nullValue());
        withPersonalData().when().get("/feedback/" + due[0] + "/submitter").then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("/problems/gone"))
                .body("detail", containsString("erased on 2020-05-31 under the retention period"))
                .body(not(containsString(PHONE)));
        given().when().get("/feedback/" + due[0] + "/history").then().statusCode(200)
                .body("action", hasItem("PERSONAL_DATA_ERASED")).body("action", not(hasItem("PERSONAL_DATA_VIEWED")));
        given().header("X-Test-Roles", "supervisor").when().get("/audit/PersonalDataErasure/" + run.id()).then()
                .statusCode(200).body("action", equalTo(List.of("PersonalDataErased")))
                .body("after", everyItem(containsString("\"erased\":1"))).body(not(containsString(due[0])));
        Clients.citizen().header("X-Test-Anonymous", "true")
                .when().get("/feedback/track/" + due[1]).then().statusCode(200).body("answer", equalTo("经核查，路灯已修复。"));
        Clients.citizen().header("X-Test-Anonymous", "true")
                .when().get("/open311/v2/requests/" + due[1] + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(due[1]));

        // a second run (another instance's, or the next hour's) finds nothing new
        assertEquals(0, erasure.run(yearAfter).erased());
        List<String> erasures = new ArrayList<>();
        given().when().get("/feedback/" + due[0] + "/history").then().extract().jsonPath().getList("action", String.class)
                .stream().filter("PERSONAL_DATA_ERASED"::equals).forEach(erasures::add);
        assertEquals(1, erasures.size());
    }

    /**
     * A text that repeats the submitter's name (which no pattern finds, only the details) and phone: the
     * erasure stores it as staff saw it, so with the details gone the staff view shows no more than before.
     */
    @Test
    void theTextIsRewrittenToWhatStaffWereShownOfIt() throws SQLException {
        Instant yearAfter = HANDLED.plus(Duration.ofDays(365));
        AdjustableClock.pinAt(HANDLED);
        String[] repeats = phoneCall(Publications.openNow(), "联系人欧阳锋，电话" + PHONE + "，反映小区门口路灯长期不亮。");
        step(repeats[0], "close", "{\"reason\":\"已电话答复\"}");
        String shown = given().when().get("/feedback/" + repeats[0]).then().statusCode(200).extract().path("text");
        assertEquals("联系人欧**，电话139****5678，反映小区门口路灯长期不亮。", shown);

        AdjustableClock.pinAt(yearAfter);
        erasure.run(yearAfter);

        assertErased(repeats[0], yearAfter);
        String stored = (String) column(repeats[0], "text");
        assertFalse(stored.contains("欧阳锋"), stored);
        assertFalse(stored.contains(PHONE), stored);
        given().when().get("/feedback/" + repeats[0]).then().statusCode(200).body("text", equalTo(shown));
    }

    /** The search reads V14's partial index (sequential scans off, so a table this small does not hide it). */
    @Test
    void theSearchUsesTheIndexOfFinishedRowsNotYetErased() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + PersonalDataErasure.DUE
                    .replaceFirst("updated_at <= \\?", "updated_at <= '2020-01-01T00:00:00Z'")
                    .replaceFirst("LIMIT \\?", "LIMIT 500"))) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
            assertTrue(plan.toString().contains("feedback_retention_due"), plan.toString());
        }
    }

    private void assertErased(String id, Instant at) throws SQLException {
        for (String personal : List.of("name_sealed", "phone_sealed", "email_sealed", "address_sealed", "client_key",
                "submission_key_hash", "personal_key_id")) {
            assertNull(column(id, personal), personal);
        }
        assertEquals(at.atOffset(ZoneOffset.UTC), ((OffsetDateTime) column(id, "personal_data_erased_at"))
                .withOffsetSameInstant(ZoneOffset.UTC));
        assertNotNull(column(id, "text"), "the text is kept, masked");
    }

    private Object column(String id, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM feedback WHERE id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return column.endsWith("_at") ? row.getObject(column, OffsetDateTime.class) : row.getObject(column);
            }
        }
    }
}
