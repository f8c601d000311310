package io.rectification.reporting.rebuild;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.ContractEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class RebuildTest {

    static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuildReplaysTheTopicsIntoTheSameReadModels() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        UUID done = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(done, area, problem, 1, "IN_PROGRESS", "2025-03-31"), 1);
        ContractEvents.sendTask("TaskVerified", plan.task(done, area, problem, 1, "VERIFIED", "2025-03-31"), 2);
        ContractEvents.sendTask("TaskCreated", plan.task(late, area, problem, 2, "IN_PROGRESS", "2025-01-31"), 1);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(UUID.randomUUID(), publication, "EMAIL",
                "RECEIVED", "2025-11-07T08:00:00+08:00"), 1, Map.of());

        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> {
            given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                    .when().get("/dashboard/summary").then().statusCode(200)
                    .body("tasks", equalTo(2)).body("verified", equalTo(1)).body("overdue", equalTo(1));
            given().queryParam("inspectionId", inspection).when().get("/dashboard/feedback").then()
                    .body("received", equalTo(1));
        });
        String summary = figures(inspection);

        // Damage the read models behind the consumers' back: only a replay of the events can repair it.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement damage = connection.prepareStatement(
                     "UPDATE rm_task SET state = 'DAMAGED', percent_complete = 0 WHERE inspection_id = ?")) {
            damage.setObject(1, plan.inspectionId);
            assertEquals(2, damage.executeUpdate());
        }
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/summary").then().body("verified", equalTo(0));

        given().header("X-Actor", "admin-li").when().post("/admin/rebuild")
                .then().statusCode(202)
                .body("tasksCleared", greaterThanOrEqualTo(2));

        await().atMost(WAIT).untilAsserted(() -> assertEquals(summary, figures(inspection)));
    }

    @Test
    void rebuildIsForAdminsOnly() {
        given().header("X-Test-Anonymous", "true").when().post("/admin/rebuild")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Test-Roles", "coordinator,supervisor").when().post("/admin/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static String figures(String inspection) {
        return given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/summary").then().statusCode(200).extract().asString()
                + given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/areas").then().statusCode(200).extract().asString()
                + given().queryParam("inspectionId", inspection)
                .when().get("/dashboard/feedback").then().statusCode(200).extract().asString()
                + given().queryParam("inspectionId", inspection)
                .when().get("/read-models/publications").then().statusCode(200).extract().asString();
    }
}
