package io.rectification.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every 404 has one title, whoever answers it: this service's code or the router. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class NotFoundTitleTest {

    @Test
    void everyNotFoundHasOneTitle() {
        String inspection = UUID.randomUUID().toString();
        // the service's own 404 (no such version) and the router's (no such path: "abc" is not a number)
        String own = given().when().get("/reports/" + inspection + "/versions/1.html").then().statusCode(404)
                .contentType("application/problem+json").extract().path("title");
        String router = given().when().get("/reports/" + inspection + "/versions/abc.html").then().statusCode(404)
                .contentType("application/problem+json").extract().path("title");
        assertEquals("Not found", own);
        assertEquals(own, router);
        given().when().get("/no-such-path").then().statusCode(404).body("title", equalTo("Not found"));
        given().when().get("/dead-letters/" + Long.MAX_VALUE + "/payload").then()
                .statusCode(404).body("title", equalTo("Not found"));
    }
}
