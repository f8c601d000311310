package io.rectification.reporting.report;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Saves and publishes a report draft as the office's console does: against the version last read
 * (If-Match), if there is one.
 */
final class DraftSaves {

    private DraftSaves() {
    }

    static ValidatableResponse save(Object inspectionId, Object body) {
        String etag = given().header("X-Actor", "office-wang").when().get("/reports/" + inspectionId + "/draft")
                .then().extract().header("ETag");
        RequestSpecification request = given().header("X-Actor", "office-wang").contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().put("/reports/" + inspectionId + "/draft").then();
    }

    /** A publish by office-wang naming the draft as it is now (the one reviewed), if there is one. */
    static RequestSpecification publishing(Object inspectionId) {
        String etag = given().header("X-Actor", "office-wang").when().get("/reports/" + inspectionId + "/draft")
                .then().extract().header("ETag");
        RequestSpecification request = given().header("X-Actor", "office-wang");
        return etag == null ? request : request.header("If-Match", etag);
    }
}
