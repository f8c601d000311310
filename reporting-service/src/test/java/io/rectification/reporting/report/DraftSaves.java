package io.rectification.reporting.report;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Saves a report draft as the office's console does: against the version last read (If-Match), if there is one. */
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
}
