package io.rectification.reporting.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A task claimed (awaiting the supervisor's verification) after its deadline has passed is not overdue
 * in any staff view: the dashboard's figures, its overdue list, the areas, the rankings and their
 * drill-down say what the unit's 待办 says, by the platform's one rule. The clock stands at 00:30 on
 * 5 December 2026 in Shanghai (still the 4th in UTC); both tasks were due on the 4th.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ClaimedIsNotOverdueTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void aClaimPastItsDeadlineIsCountedNowhereAsOverdue() {
        AdjustableClock.pinAt(Instant.parse("2026-12-04T16:30:00Z"));
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(4, "落实全面从严治党责任不到位");
        UUID problem = plan.registerProblem(area, 2, "作风建设不扎实");
        String unit = "党政办公室" + UUID.randomUUID().toString().substring(0, 6);
        UUID claimed = UUID.randomUUID();
        ContractEvents.sendTask("TaskCompletionClaimed", plan.task(claimed, area, problem, 1, "COMPLETION_CLAIMED",
                "2026-12-04").put("percentComplete", 90).put("responsibleUnit", unit).put("leadOfficial", "王书记"), 4);
        UUID late = UUID.randomUUID();
        ContractEvents.sendTask("TaskUpdated", plan.task(late, area, problem, 2, "IN_PROGRESS", "2026-12-04")
                .put("lastProgressReportAt", "2026-12-01T09:00:00+08:00"), 2);
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .when().get("/dashboard/summary").then().statusCode(200).body("tasks", equalTo(2)));

        given().queryParam("inspectionId", inspection).when().get("/dashboard/summary").then().statusCode(200)
                .body("asOf", equalTo("2026-12-05")).body("overdue", equalTo(1)).body("completed", equalTo(1));
        given().queryParam("inspectionId", inspection).when().get("/dashboard/overdue").then().statusCode(200)
                .body("total", equalTo(1)).body("items.taskId", equalTo(List.of(late.toString())))
                .body("items[0].daysOverdue", equalTo(1));
        given().queryParam("inspectionId", inspection).when().get("/dashboard/areas").then().statusCode(200)
                .body("[0].overdue", equalTo(1));
        given().queryParam("inspectionId", inspection).when().get("/dashboard/units").then().statusCode(200)
                .body("find { it.name == '" + unit + "' }.overdue", equalTo(0));

        // the director's wall: the unit waiting on its supervisor is not ranked first for lateness
        JsonPath rankings = given().queryParam("inspectionId", inspection).when().get("/dashboard/director/rankings")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("经济发展局", unit), rankings.getList("units.name"));
        assertEquals(List.of(1, 0), rankings.getList("units.overdue"));
        JsonPath drillDown = given().queryParam("inspectionId", inspection).queryParam("unit", unit)
                .when().get("/dashboard/director/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals(claimed.toString(), drillDown.getString("[0].taskId"));
        assertNull(drillDown.get("[0].daysOverdue"));

        // and the unit's 待办 agrees: nothing overdue
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        given().auth().oauth2(officer).when().get("/todos").then().statusCode(200).body("count", equalTo(0));
    }
}
