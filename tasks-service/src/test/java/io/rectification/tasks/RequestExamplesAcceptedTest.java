package io.rectification.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiRequestExamples;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the OpenAPI document shows as a request's example is what the service accepts: each example
 * of registering an inspection, a problem and a task is sent as it stands (an inspection under a
 * team name of its own, as the test databases outlive a run) and answered 201; a task's example is
 * not overdue on the day of the contract review (2026-12-05), which found the earlier ones were.
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
        // Sent on the day of the contract review that found them already overdue, they are not.
        AdjustableClock.pinAt(Instant.parse("2026-12-05T08:30:00Z"));
        try {
            for (Map.Entry<String, JsonNode> example : examples(document, "/problems/{problemId}/tasks").entrySet()) {
                post("/problems/" + problemId + "/tasks", example.getValue()).body("overdue", equalTo(false));
            }
        } finally {
            AdjustableClock.release();
        }
    }

    private static Map<String, JsonNode> examples(JsonNode document, String path) {
        Map<String, JsonNode> examples = OpenApiRequestExamples.examplesOf(document, "POST", path, "application/json");
        assertFalse(examples.isEmpty(), "POST " + path + " has no example");
        return examples;
    }

    private static ValidatableResponse post(String path, JsonNode body) {
        return given().contentType(ContentType.JSON).body(body.toString())
                .when().post(path)
                .then().log().ifValidationFails().statusCode(201);
    }
}
