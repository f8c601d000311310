package io.rectification.feedback.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.personal.OldKeyRows;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * After a rotation, the submissions stored just before it carry the previous key's pseudonyms: within
 * the duplicate window they are still found, by client and by form, in the batch's one query.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DuplicateUnderPreviousKeyTest {

    @Inject
    DataSource dataSource;

    OldKeyRows rows;

    @AfterEach
    void cleanUp() throws SQLException {
        AdjustableClock.release();
        if (rows != null) {
            rows.deleteAll();
        }
    }

    private static RequestSpecification asPublic(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client);
    }

    @Test
    void aSubmissionStoredUnderThePreviousKeyIsFoundWithinTheWindow() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AdjustableClock.pinAt(now);
        rows = new OldKeyRows(dataSource);
        UUID publication = UUID.fromString(Publications.openNow());
        String address = Clients.newAddress();
        String formKey = "form-key-" + UUID.randomUUID().toString().replace("-", "");
        String text = "高新区路灯夜间不亮，请尽快维修。" + UUID.randomUUID();
        UUID earlier = rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null, null,
                        OldKeyRows.OLD.pseudonym("client", address), OldKeyRows.OLD.pseudonym("submission-key", formKey)),
                TextFingerprint.of(text), now.minus(Duration.ofMinutes(10)));
        String earlierCode = TrackingCodes.display(rows.trackingCodeOf(earlier));
        String url = "/publications/" + publication + "/feedback";

        // the same text from the same address: a duplicate, told neutrally
        asPublic(address).body("{\"text\":" + EventProbe.toJson(text) + "}").when().post(url)
                .then().statusCode(409).body("earlierTrackingCode", nullValue());
        // the same form (its key) from another address: told its own code
        asPublic(Clients.newAddress()).body("{\"text\":" + EventProbe.toJson(text) + ",\"submissionKey\":\"" + formKey + "\"}")
                .when().post(url).then().statusCode(409).body("earlierTrackingCode", equalTo(earlierCode));

        // once the earlier one is out of the window (30 minutes), the same text is a new submission
        AdjustableClock.pinAt(now.plus(Duration.ofMinutes(21)));
        asPublic(address).body("{\"text\":" + EventProbe.toJson(text) + "}").when().post(url).then().statusCode(201);
    }
}
