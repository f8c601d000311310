package io.rectification.tasks.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Importing the plan of an inspection already in the ledger matches rows by area number, problem
 * number and task number: nothing is duplicated, added rows are stored, changed, removed and
 * conflicting rows are refused by name; a dry run answers the comparison and stores nothing.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PlanRevisionTest {

    /** Area 1: problem 1 with {@code firstTasks}; area 2 titled {@code secondArea}: problems 1 (one task) and 2. */
    static String plan(String team, String secondArea, String firstTasks) {
        return """
                {"inspection":{"title":"省委第七巡视组专项巡视沈阳高新区","team":"%s",
                               "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL",
                               "onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20","feedbackDate":"2024-08-18"},
                 "areas":[
                   {"title":"贯彻落实党中央决策部署和省委要求不到位","problems":[
                      {"title":"做好优化营商环境重点工作","tasks":[%s]}]},
                   {"title":"%s","problems":[
                      {"title":"推进机构人事改革","description":"反馈意见原文","tasks":[%s]},{"title":"深化体制机制改革"}]}]}"""
                .formatted(team, firstTasks, secondArea, task("积极招聘事业编制人员"));
    }

    static String task(String title) {
        return Fixtures.taskJson(title, "2024-12-31", "TIME_BOUND", "");
    }

    static final String SECOND_AREA = "推进管理机制改革不彻底,统筹推动发展不到位";
    static final String TWO_TASKS = task("强化思想认识") + "," + task("全力解决政府失信问题");

    private static int tasksOf(String inspectionId) {
        return given().queryParam("inspectionId", inspectionId).get("/tasks").then().extract().path("total");
    }

    @Test
    void theSamePlanTwiceChangesNothingAndAddedRowsAreStoredInPlace() {
        String team = Fixtures.uniqueTeam();
        String inspectionId = given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA, TWO_TASKS))
                .post("/plans").then().statusCode(201).extract().path("inspectionId");
        given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA, TWO_TASKS)).post("/plans")
                .then().statusCode(200).body("inspectionId", equalTo(inspectionId)).body("stored", equalTo(true))
                .body("added", equalTo(0)).body("unchanged", equalTo(9)).body("rows.status", everyItem(equalTo("UNCHANGED")));
        assertTasks(inspectionId, 3);

        // a third task for problem 1.1: added as task 3, the rest untouched
        String revised = plan(team, SECOND_AREA, TWO_TASKS + "," + task("强化服务意识"));
        var answer = given().contentType(ContentType.JSON).body(revised).post("/plans")
                .then().statusCode(200).body("added", equalTo(1)).body("unchanged", equalTo(9))
                .body("rows.find { it.status == 'ADDED' }.row", equalTo("areas[0].problems[0].tasks[2]"))
                .body("rows.find { it.status == 'ADDED' }.key", equalTo("1.1.3"))
                .extract();
        String added = answer.path("rows.find { it.status == 'ADDED' }.id");
        given().get("/tasks/" + added).then().statusCode(200).body("number", equalTo(3)).body("title", equalTo("强化服务意识"));
        assertTasks(inspectionId, 4);
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(2));
    }

    @Test
    void aDryRunAnswersTheComparisonAndStoresNothing() {
        String team = Fixtures.uniqueTeam();
        String newPlan = plan(team, SECOND_AREA, TWO_TASKS);
        int inspections = given().get("/inspections").then().extract().path("total");
        // for an inspection not in the ledger, every row would be added
        given().contentType(ContentType.JSON).body(newPlan).queryParam("dryRun", "true").post("/plans")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("stored", equalTo(false))
                .body("inspectionId", nullValue()).body("added", equalTo(9));
        given().get("/inspections").then().body("total", equalTo(inspections));

        String inspectionId = given().contentType(ContentType.JSON).body(newPlan)
                .post("/plans").then().statusCode(201).extract().path("inspectionId");
        // area 2 one character shorter, task 1.1.2 gone, task 1.1.2 replaced by another title, a task 1.1.3 added
        String revised = plan(team, SECOND_AREA.substring(1), task("强化思想认识") + "," + task("全力解决欠款问题") + ","
                + task("强化服务意识"));
        given().contentType(ContentType.JSON).body(revised).queryParam("dryRun", "true").post("/plans")
                .then().statusCode(200).body("inspectionId", equalTo(inspectionId)).body("stored", equalTo(false))
                .body("rows.row", contains("inspection", "areas[0]", "areas[0].problems[0]", "areas[0].problems[0].tasks[0]",
                        "areas[0].problems[0].tasks[1]", "areas[0].problems[0].tasks[2]", "areas[1]", "areas[1].problems[0]",
                        "areas[1].problems[0].tasks[0]", "areas[1].problems[1]"))
                .body("rows.status", contains("UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "CHANGED", "ADDED",
                        "CHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED"))
                .body("rows[4].changedFields", contains("title")).body("rows[6].changedFields", contains("title"))
                .body("added", equalTo(1)).body("changed", equalTo(2)).body("removed", equalTo(0));
        // a plan without problem 2.2 and task 1.1.2: both reported removed
        String shorter = plan(team, SECOND_AREA, task("强化思想认识")).replace(",{\"title\":\"深化体制机制改革\"}", "");
        given().contentType(ContentType.JSON).body(shorter).queryParam("dryRun", "true").post("/plans")
                .then().statusCode(200).body("removed", equalTo(2))
                .body("rows.findAll { it.status == 'REMOVED' }.key", contains("1.1.2", "2.2"));
        assertTasks(inspectionId, 3);
        given().get("/inspections/" + inspectionId + "/areas").then().body("items[1].title", equalTo(SECOND_AREA));
        given().contentType(ContentType.JSON).body(revised).queryParam("dryRun", "maybe").post("/plans")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void changedRemovedAndConflictingRowsAreRefusedByNameAndNothingIsStored() {
        String team = Fixtures.uniqueTeam();
        String inspectionId = given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA, TWO_TASKS))
                .post("/plans").then().statusCode(201).extract().path("inspectionId");
        String secondArea = given().get("/inspections/" + inspectionId + "/areas").then().extract().path("items[1].id");

        // an area title one character shorter is a change of area 2, never a third area
        given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA.substring(1), TWO_TASKS + "," + task("强化服务意识")))
                .post("/plans").then().statusCode(409).contentType("application/problem+json")
                .body("existingInspectionId", equalTo(inspectionId))
                .body("errors.field", contains("areas[1].title"))
                .body("errors[0].message", containsString("differs from the ledger at 2 ("));
        // a task left out is not removed by an import
        given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA, task("强化思想认识"))).post("/plans")
                .then().statusCode(409).body("errors.field", contains("areas[0].problems[0].tasks[1]"));
        // a changed column of a task is named with the row
        given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA, task("强化思想认识") + ","
                        + Fixtures.taskJson("全力解决政府失信问题", "2025-03-31", "TIME_BOUND", "")))
                .post("/plans").then().statusCode(409).body("errors.field", contains("areas[0].problems[0].tasks[1].deadline"));
        assertTasks(inspectionId, 3);
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(2));

        // a problem the office found itself holds number 2.3: the plan's third problem of area 2 conflicts with it
        given().contentType(ContentType.JSON).body(Map.of("title", "自查发现:会议记录不全", "source", "SELF_FOUND"))
                .post("/areas/" + secondArea + "/problems").then().statusCode(201).body("number", equalTo(3));
        String withThird = plan(team, SECOND_AREA, TWO_TASKS)
                .replace("{\"title\":\"深化体制机制改革\"}", "{\"title\":\"深化体制机制改革\"},{\"title\":\"推进管委会职能转变\"}");
        given().contentType(ContentType.JSON).body(withThird).post("/plans").then().statusCode(409)
                .body("errors.field", hasItem("areas[1].problems[2].source"));
        // the dry run says so: that row is a CONFLICT (not a change to correct), with its reason
        given().contentType(ContentType.JSON).body(withThird).queryParam("dryRun", "true").post("/plans").then()
                .statusCode(200).body("conflicting", equalTo(1))
                .body("rows.find { it.row == 'areas[1].problems[2]' }.status", equalTo("CONFLICT"))
                .body("rows.find { it.row == 'areas[1].problems[2]' }.reason", containsString("SELF_FOUND"));
        // without it, the self-found problem is not the plan's and not reported removed
        given().contentType(ContentType.JSON).body(plan(team, SECOND_AREA, TWO_TASKS)).queryParam("dryRun", "true").post("/plans")
                .then().statusCode(200).body("removed", equalTo(0)).body("rows", hasSize(9));
    }

    private static void assertTasks(String inspectionId, int expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, tasksOf(inspectionId));
    }
}
