package io.rectification.reporting.consumption;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** reporting-service appends no events, so it runs no outbox relay (readiness says so). */
@QuarkusTest
class NoOutboxRelayTest {

    @Test
    void noRelayRunsHere() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.data.running", equalTo(false));
    }
}
