package io.rectification.tasks.inspection;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class InspectionUpdateTest {

    @Test
    void correctionNeedsTheVersionAndKeepsDeadlinesValid() {
        String problemId = Fixtures.freshProblem();
        String inspectionId = given().get("/problems/" + problemId).then().extract().path("inspectionId");
        Fixtures.task(problemId, Fixtures.taskJson("强化服务意识", "2024-05-01", "IMMEDIATE", ""));
        String corrected = Fixtures.inspectionJson().replace("2024-08-18", "2024-08-19");
        given().contentType(ContentType.JSON).body(corrected).put("/inspections/" + inspectionId).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(corrected).put("/inspections/" + inspectionId)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.inspectionJson().replace("2024-04-07", "2024-05-02")).put("/inspections/" + inspectionId)
                .then().statusCode(400).body("errors[0].field", equalTo("onSiteFrom"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrected).put("/inspections/" + inspectionId)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("feedbackDate", equalTo("2024-08-19"));
    }
}
