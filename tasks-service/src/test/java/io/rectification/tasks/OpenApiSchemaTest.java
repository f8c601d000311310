package io.rectification.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiRequestExamples;
import io.rectification.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * Every operation's success answer in the OpenAPI document has a named schema when it is JSON (a
 * typed view, not an untyped map or a bare Response); files, CSV and XLSX answers name their media type.
 * A method a path does not take is 405 with the Allow header RFC 9110 requires, taken from the document.
 */
@QuarkusTest
class OpenApiSchemaTest {

    @Test
    void everySuccessAnswerHasASchemaOrANonJsonMediaType() {
        OpenApiAnswers.verifySuccessAnswers();
    }

    @Test
    void everyRequestBodyHasAnExampleItsSchemaAllows() {
        OpenApiRequestExamples.verify();
    }

    @Test
    void aMethodAPathDoesNotTakeIs405NamingTheMethodsItDoes() {
        String token = TestTokens.allStaff("allow-check");
        given().auth().oauth2(token).when().delete("/tasks")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "GET, HEAD, OPTIONS");
        given().auth().oauth2(token).when().delete("/tasks/00000000-0000-4000-8000-000000000000")
                .then().statusCode(405).header("Allow", "PUT, PATCH, GET, HEAD, OPTIONS");
        // The router answers such a path (a parameter inside a segment) 404 of its own accord.
        given().auth().oauth2(token).when().post("/inspections/00000000-0000-4000-8000-000000000000/task-list.csv")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().auth().oauth2(token).when().delete("/nothing-here").then().statusCode(404);
    }
}
