package io.rectification.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.HostileInput;
import io.rectification.platform.testing.TestTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Typical attack strings against every write endpoint: only 4xx, never a changed database. */
@QuarkusTest
class HostileInputTest {

    @Test
    void everyWriteEndpointRefusesHostileInputCleanly() throws Exception {
        HostileInput.verify(TestTokens.token("hostile-input", Roles.ADMIN, Roles.COORDINATOR, Roles.SUPERVISOR,
                Roles.OFFICER),
                // Read models, consumed ids and dead letters are written by the consumers, not the API.
                table -> !table.startsWith("rm_") && !table.equals("consumed_event") && !table.equals("dead_letter"));
    }

    @Test
    void pagesAndAnswersCarrySecurityHeaders() {
        RestAssured.given().get("/dashboard/summary")
                .then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void corsAdmitsOnlyConfiguredOrigins() {
        RestAssured.given().header("Origin", "http://127.0.0.1:8183").header("Access-Control-Request-Method", "GET")
                .options("/dashboard/summary")
                .then().header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8183"));
        RestAssured.given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/dashboard/summary")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
