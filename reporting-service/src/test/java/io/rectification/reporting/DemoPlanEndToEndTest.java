package io.rectification.reporting;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.ServiceProcess;
import io.rectification.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path, for real: the demo plan (the notice's section 二) is imported into a running
 * tasks-service, its events travel through Kafka, and this service's public report shows every
 * area, problem and measure of the plan, in the plan's order.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DemoPlanEndToEndTest {

    static final Path DEMO_PLAN = Path.of("..", "deploy", "demo", "demo-plan.json");

    @Test
    void demoPlanImportedIntoTasksServiceReadsBackAsTheReport() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(Files.readString(DEMO_PLAN));
        String coordinator = TestTokens.token("整改办", Roles.COORDINATOR);
        String inspectionId;
        try (ServiceProcess tasks = ServiceProcess.start("tasks-service", "tasks_e2e_test")) {
            var imported = RestAssured.given().baseUri(tasks.baseUrl()).port(-1)
                    .header("Authorization", "Bearer " + coordinator)
                    .contentType(ContentType.JSON).body(Files.readString(DEMO_PLAN))
                    .when().post("/plans")
                    .then().statusCode(201)
                    .body("areaCount", equalTo(5))
                    .body("problemCount", equalTo(16))
                    .extract().jsonPath();
            inspectionId = imported.getString("inspectionId");
            int tasksInPlan = 0;
            for (JsonNode area : plan.get("areas")) {
                for (JsonNode problem : area.get("problems")) {
                    tasksInPlan += problem.get("tasks").size();
                }
            }
            assertEquals(tasksInPlan, imported.getInt("taskCount"));

            // The events reach this service through Kafka; the tasks-service process may stop once they have.
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    given().header("Authorization", "Bearer " + coordinator)
                            .queryParam("inspectionId", imported.getString("inspectionId"))
                            .when().get("/dashboard/summary")
                            .then().statusCode(200).body("tasks", equalTo(imported.getInt("taskCount"))));
        }

        String report = given().header("Authorization", "Bearer " + coordinator)
                .when().get("/reports/" + inspectionId + "/preview.md")
                .then().statusCode(200).extract().asString();
        List<String> expectedInOrder = new ArrayList<>();
        // As the notice writes them: ASCII parentheses around the Chinese numeral.
        String[] ordinals = {"(一)", "(二)", "(三)", "(四)", "(五)"};
        int a = 0;
        for (JsonNode area : plan.get("areas")) {
            expectedInOrder.add(ordinals[a++] + area.get("title").asText());
            int p = 1;
            for (JsonNode problem : area.get("problems")) {
                expectedInOrder.add(p++ + "." + problem.get("title").asText());
                for (JsonNode task : problem.get("tasks")) {
                    String title = task.get("title").asText();
                    expectedInOrder.add(title);
                    assertFalse(report.contains(title + "。" + title), "the heading is said once: " + title);
                }
            }
        }
        int from = 0;
        for (String expected : expectedInOrder) {
            int at = report.indexOf(expected, from);
            assertTrue(at >= 0, "the report shows, in the plan's order: " + expected);
            from = at + expected.length();
        }
        assertEquals(5, report.lines().filter(line -> line.startsWith("### (")).count(), "five areas");
    }
}
