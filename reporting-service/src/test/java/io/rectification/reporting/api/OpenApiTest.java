package io.rectification.reporting.api;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class OpenApiTest {

    @Test
    void everyEndpointIsDocumented() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/dashboard/summary"))
                .body(containsString("/dashboard/feedback"))
                .body(containsString("/reports/{inspectionId}/versions"))
                .body(containsString("/exports/{list}.xlsx"))
                .body(containsString("/admin/rebuild"))
                .body(containsString("/dead-letters"));
    }
}
