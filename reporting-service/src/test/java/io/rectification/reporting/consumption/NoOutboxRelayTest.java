package io.rectification.reporting.consumption;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * reporting-service appends no events, so it runs no outbox relay, and its readiness lists no
 * relay check: a {@code running:false} there read as a fault (operator review #12).
 */
@QuarkusTest
class NoOutboxRelayTest {

    @Test
    void noRelayRunsHere() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }", nullValue())
                .body("checks.find { it.name == 'event-consumers' }", notNullValue());
    }
}
