package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Two clerks drafting the same report: the second save based on an old version is refused, not applied. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportDraftConcurrencyTest {

    @Test
    void aSaveMustNameTheVersionItWasBasedOn() {
        String draft = "/reports/" + UUID.randomUUID() + "/draft";

        // the first save creates the draft; naming a version of a draft that does not exist is stale
        given().header("X-Actor", "office-wang").header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"先写的\"}").when().put(draft)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"王写的\"}").when().put(draft)
                .then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
        given().header("X-Actor", "office-li").when().get(draft)
                .then().statusCode(200).header("ETag", "\"0\"").body("nextSteps", equalTo("王写的"));

        // once it exists, a save without If-Match is refused: it would overwrite whatever is there
        given().header("X-Actor", "office-li").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"李写的\"}").when().put(draft)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));

        // 王 saves on version 0 first; 李, who read version 0 too, is told it changed meanwhile
        given().header("X-Actor", "office-wang").header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"王改的\"}").when().put(draft)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        given().header("X-Actor", "office-li").header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"李写的\"}").when().put(draft)
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(1));
        given().header("X-Actor", "office-li").header("If-Match", "第一版").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"李写的\"}").when().put(draft)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().when().get(draft).then().statusCode(200).header("ETag", "\"1\"").body("nextSteps", equalTo("王改的"))
                .body("updatedBy", equalTo("office-wang"));

        // after reloading, 李's save on the current version goes through
        given().header("X-Actor", "office-li").header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"王改的，李补充的\"}").when().put(draft)
                .then().statusCode(200).header("ETag", "\"2\"").body("updatedBy", equalTo("office-li"));
    }
}
