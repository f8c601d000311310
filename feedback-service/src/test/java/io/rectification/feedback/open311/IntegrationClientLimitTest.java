package io.rectification.feedback.open311;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.feedback.intake.RateLimiter;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An integration client with a valid api_key is limited by its own name, not by the address it
 * comes from: a NAT's web-form posts and wrong keys sent from its address never block it.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class IntegrationClientLimitTest {

    @Inject
    RateLimiter.Limits limits;

    private static int webPost(String address, String publication, String text) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().extract().statusCode();
    }

    private static int open311Post(String address, String apiKey, String publication, String text) {
        return given().header("X-Test-Anonymous", "true").header("X-Forwarded-For", address)
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("api_key", apiKey).formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", publication).formParam("description", text)
                .when().post("/open311/v2/requests.json")
                .then().extract().statusCode();
    }

    @Test
    void webFormPostsFromTheSameAddressNeverBlockAnIntegrationClient() {
        String nat = Clients.newAddress();
        String publication = Publications.openNow();
        String unknownPublication = UUID.randomUUID().toString();
        for (int i = 0; i < limits.submissions(); i++) {
            assertEquals(404, webPost(nat, unknownPublication, "意见" + i), "web post " + i + " within the limit");
        }
        assertEquals(429, webPost(nat, unknownPublication, "再一次"), "the address is over its limit");
        String hotline = Open311ResourceTest.apiKey("nat-hotline-" + UUID.randomUUID());
        assertEquals(201, open311Post(nat, hotline, publication, "热线转来的意见。"));
    }

    @Test
    void wrongKeysCountAgainstTheirAddressAndAValidClientKeepsItsWholeAllowance() {
        String address = Clients.newAddress();
        String publication = Publications.openNow();
        for (int i = 0; i < limits.submissions(); i++) {
            assertEquals(403, open311Post(address, "forged-" + i, publication, "意见" + i), "wrong key " + i);
        }
        assertEquals(429, open311Post(address, "forged", publication, "再一次"), "wrong keys are counted per address");
        String hotline = Open311ResourceTest.apiKey("busy-hotline-" + UUID.randomUUID());
        for (int i = 0; i < limits.submissions(); i++) {
            assertEquals(201, open311Post(address, hotline, publication, "热线意见" + i), "valid client's post " + i);
        }
        // Its own limit is per client, whichever address its next request comes from.
        assertEquals(429, open311Post(Clients.newAddress(), hotline, publication, "热线意见，超出限额"));
        assertEquals(201, open311Post(address, Open311ResourceTest.apiKey("other-hotline-" + UUID.randomUUID()),
                publication, "另一个系统的意见。"));
    }
}
