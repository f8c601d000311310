package io.rectification.reporting.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The staff dashboards count the inspection's findings (problem source PLAN) as the report and the
 * public progress page do, and the 举一反三 and 群众反映 tasks beside them (review finding 2: the wall
 * counted 48 tasks, 1 overdue and a sixth area while the report and the public page said 45, 0 and
 * five). Another scope is asked for with {@code source}.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DashboardSourceScopeTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String AS_OF = "2025-06-10";

    @Test
    void theFiguresAreTheFindingsAndTheOtherSourcesStandBeside() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area3 = plan.registerArea(3, "落实全面从严治党责任不到位");
        UUID area6 = plan.registerArea(6, "群众反馈意见建议");
        UUID finding = plan.registerProblem(area3, 1, "园区管理不规范");
        UUID extension = plan.registerProblemExtending(area3, 2, "规范资金资产使用管理", finding);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area3, finding, 1, "IN_PROGRESS", "2025-05-31")
                .put("responsibleUnit", "党政办公室"), 1);
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area3, finding, 2, "VERIFIED", "2025-12-31")
                .put("responsibleUnit", "党政办公室"), 2);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area3, extension, 1, "IN_PROGRESS", "2025-12-31")
                .put("responsibleUnit", "招商局"), 1);
        // a 群众反映 problem whose task arrives before the problem itself: counted once the problem is here
        UUID complaint = UUID.randomUUID();
        UUID complaintTask = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(complaintTask, area6, complaint, 1, "IN_PROGRESS", "2025-06-01")
                .put("title", "排查整治园区道路积水点").put("responsibleUnit", "建设管理局"), 1);
        // until then it counts as the inspection's (a task of a problem not known here), as it always did
        await().atMost(WAIT).untilAsserted(() -> summary(plan).then().body("tasks", equalTo(3)));
        plan.registerProblem(complaint, area6, 1, "园区道路积水治理不及时", "FEEDBACK");
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> summary(plan).then().statusCode(200).body("tasks", equalTo(2)));

        // the headline: the two tasks of the finding; the others beside it, each with its own figures
        JsonPath figures = summary(plan).then().extract().jsonPath();
        assertEquals("PLAN", figures.getString("source"));
        assertEquals(List.of(2, 1, 1), List.of(figures.getInt("tasks"), figures.getInt("verified"), figures.getInt("overdue")));
        assertEquals(List.of(Map.of("source", "ANALOGY", "tasks", 1, "completed", 0, "verified", 0, "overdue", 0),
                Map.of("source", "FEEDBACK", "tasks", 1, "completed", 0, "verified", 0, "overdue", 1)),
                figures.getList("otherSources"));

        // the areas: (三) with its one finding, no sixth bar
        JsonPath areas = dashboard().queryParam("inspectionId", inspection).when().get("/dashboard/areas")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3), areas.getList("number"));
        assertEquals(List.of(1, 2), List.of(areas.getInt("[0].problems"), areas.getInt("[0].tasks")));

        // the overdue list and the rankings: the finding's only; 建设管理局 is not ranked for the complaint
        dashboard().queryParam("inspectionId", inspection).when().get("/dashboard/overdue")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].label", equalTo("（三）1.一是"))
                .body("items[0].source", equalTo("PLAN"));
        dashboard().queryParam("inspectionId", inspection).when().get("/dashboard/director/rankings")
                .then().statusCode(200).body("units.name", equalTo(List.of("党政办公室")));
        dashboard().queryParam("inspectionId", inspection).when().get("/dashboard/units")
                .then().statusCode(200).body("name", equalTo(List.of("党政办公室")));
        dashboard().queryParam("inspectionId", inspection).when().get("/dashboard/director/burn-up")
                .then().statusCode(200).body("tasks", equalTo(2));

        // every source, each overdue row saying its own; one source, the rest beside it
        dashboard().queryParam("inspectionId", inspection).queryParam("source", "ALL").when().get("/dashboard/overdue")
                .then().statusCode(200).body("total", equalTo(2)).body("items.source", equalTo(List.of("PLAN", "FEEDBACK")))
                .body("items[1].taskId", equalTo(complaintTask.toString()));
        dashboard().queryParam("inspectionId", inspection).queryParam("source", "ALL")
                .when().get("/dashboard/summary").then().statusCode(200).body("tasks", equalTo(4))
                .body("overdue", equalTo(2)).body("otherSources.size()", equalTo(0));
        dashboard().queryParam("inspectionId", inspection).queryParam("source", "FEEDBACK")
                .when().get("/dashboard/summary").then().statusCode(200).body("source", equalTo("FEEDBACK"))
                .body("tasks", equalTo(1)).body("otherSources.source", equalTo(List.of("PLAN", "ANALOGY")));
        dashboard().queryParam("inspectionId", inspection).queryParam("source", "FEEDBACK").when().get("/dashboard/areas")
                .then().statusCode(200).body("number", equalTo(List.of(6)));

        // a source no problem has: 400 naming the parameter and the values it takes
        for (String path : List.of("/dashboard/summary", "/dashboard/areas", "/dashboard/overdue",
                "/dashboard/director/rankings", "/dashboard/director/tasks", "/dashboard/director/task-page")) {
            dashboard().queryParam("source", "EXTENSION").when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("source"))
                    .body("errors[0].message", containsString("PLAN"));
        }
    }

    private static io.restassured.response.Response summary(ContractEvents plan) {
        return dashboard().queryParam("inspectionId", plan.inspectionId.toString()).when().get("/dashboard/summary");
    }

    /** Every figure taken on one day: overdue by then, whatever day the test runs. */
    private static RequestSpecification dashboard() {
        return given().queryParam("asOf", AS_OF);
    }
}
