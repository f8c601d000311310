package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public rate limits hold across instances: a second instance is a second limiter that
 * shares nothing with the running service but the database, as two pods would.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class SharedRateLimitTest {

    @Inject
    RateLimiter.Limits limits;

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    private RateLimiter otherInstance() {
        return new RateLimiter(limits, dataSource, cipher);
    }

    private static int submit(String client, String publication, String text) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().extract().statusCode();
    }

    @Test
    void requestsOnAnotherInstanceCountTowardsTheSameLimit() {
        String client = Clients.newAddress();
        String publication = UUID.randomUUID().toString();
        int half = limits.submissions() / 2;
        for (int i = 0; i < half; i++) {
            otherInstance().acquire(RateLimiter.Kind.SUBMISSION, client, Language.ZH);
        }
        for (int i = half; i < limits.submissions(); i++) {
            assertTrue(submit(client, publication, "意见" + i) == 404, "within the limit");
        }
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body("{\"text\":\"再一次\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("title", equalTo("操作过于频繁"));
        // And the other way round: this instance's count is seen there.
        assertThrows(RateLimiter.TooManyRequests.class,
                () -> otherInstance().acquire(RateLimiter.Kind.SUBMISSION, client, Language.ZH));
        // Lookups are counted apart, and another client is not affected.
        otherInstance().acquire(RateLimiter.Kind.LOOKUP, client, Language.ZH);
        assertTrue(submit(Clients.newAddress(), publication, "别人") == 404);
    }
}
