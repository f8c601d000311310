package io.rectification.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiRequestExamples;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the OpenAPI document shows as a request's example is what the service accepts: each example
 * of registering an inspection, a problem and a task is sent as it stands (an inspection under a
 * team name of its own, as the test databases outlive a run) and answered 201.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class RequestExamplesAcceptedTest {

    @Test
    void theDocumentsExamplesOfRegisteringAnInspectionAProblemAndATaskAreAccepted() {
        JsonNode document = OpenApiAnswers.document();
        for (Map.Entry<String, JsonNode> example : examples(document, "/inspections").entrySet()) {
            ObjectNode inspection = example.getValue().deepCopy();
            inspection.put("team", Fixtures.uniqueTeam());
            post("/inspections", inspection);
        }
        String areaId = Fixtures.area(Fixtures.inspection(), "推进管理机制改革不彻底,统筹推动发展不到位");
        for (Map.Entry<String, JsonNode> example : examples(document, "/areas/{areaId}/problems").entrySet()) {
            post("/areas/" + areaId + "/problems", example.getValue());
        }
        String problemId = Fixtures.problem(areaId, "做好优化营商环境重点工作");
        for (Map.Entry<String, JsonNode> example : examples(document, "/problems/{problemId}/tasks").entrySet()) {
            post("/problems/" + problemId + "/tasks", example.getValue());
        }
    }

    private static Map<String, JsonNode> examples(JsonNode document, String path) {
        Map<String, JsonNode> examples = OpenApiRequestExamples.examplesOf(document, "POST", path, "application/json");
        assertFalse(examples.isEmpty(), "POST " + path + " has no example");
        return examples;
    }

    private static void post(String path, JsonNode body) {
        given().contentType(ContentType.JSON).body(body.toString())
                .when().post(path)
                .then().log().ifValidationFails().statusCode(201);
    }
}
