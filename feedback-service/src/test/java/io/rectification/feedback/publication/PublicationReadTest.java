package io.rectification.feedback.publication;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A publication's read is always answered whole, a matching If-None-Match too: whether it is open
 * (受理中) turns with the clock at its window's ends, without a new version, so the version is no
 * validator of the answer. (GET /feedback/{id}, whose version is, answers 304: StaffFeedbackTest.)
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PublicationReadTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-03-02T02:00:00Z");

    @Test
    void theSameVersionClosesWithItsWindowSoItsTagGetsItWhole() {
        String url = "/publications/" + Publications.openNow();
        String tag = given().get(url).then().statusCode(200).body("open", equalTo(true)).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(200).header("ETag", equalTo(tag))
                .body("open", equalTo(true));

        AdjustableClock.pinAt(Instant.parse("2026-03-02T04:00:00Z")); // the window closed an hour ago
        given().header("If-None-Match", tag).get(url).then().statusCode(200).header("ETag", equalTo(tag))
                .body("open", equalTo(false));
    }
}
