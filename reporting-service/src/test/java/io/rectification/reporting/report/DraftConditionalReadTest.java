package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The report draft, this service's one record read by its version (the published versions and the
 * task read model answer conditional reads of their own: PublishedVersionCachingTest,
 * TaskReadModelRevalidationTest), answers an If-None-Match naming its current version with 304, no
 * body and the same ETag (platform Versions.current), in each form a client may send it; once saved
 * again the old tag gets it whole.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DraftConditionalReadTest {

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"9\", %s", "*"})
    void aDraftIsNotSentAgainWhileItsVersionIsTheOneNamed(String ifNoneMatch) {
        String draft = "/reports/" + UUID.randomUUID() + "/draft";
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON).body("{\"nextSteps\":\"持续巩固整改成果\"}")
                .when().put(draft).then().statusCode(200).header("ETag", "\"0\"");
        String tag = given().get(draft).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", ifNoneMatch.formatted(tag)).get(draft).then().statusCode(304)
                .header("ETag", equalTo(tag)).body(emptyString());
        // a tag this service never issues matches nothing: the draft comes whole, not a 400
        given().header("If-None-Match", "0").get(draft).then().statusCode(200).body("nextSteps", equalTo("持续巩固整改成果"));

        given().header("X-Actor", "office-wang").header("If-Match", tag).contentType(ContentType.JSON)
                .body("{\"nextSteps\":\"建立长效机制\"}").when().put(draft).then().statusCode(200);
        given().header("If-None-Match", ifNoneMatch.formatted(tag).replace("*", tag)).get(draft).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("nextSteps", equalTo("建立长效机制"));
    }
}
