package io.rectification.tasks.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static io.rectification.tasks.plan.CsvPlanImportTest.HEADER;
import static io.rectification.tasks.plan.CsvPlanImportTest.row;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The task breakdown table imported again: nothing twice, changes and near-miss titles refused by row and column. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class SpreadsheetRevisionTest {

    static final String TABLE = HEADER + row("推进机构人事改革", "积极招聘事业编制人员", "2024-12-31", "TIME_BOUND", "")
            + row("推进机构人事改革", "完成编制外人员清退工作", "2024-12-31", "TIME_BOUND", "")
            + row("深化体制机制改革", "健全激励机制", "2024-12-31", "IMMEDIATE", "");

    private static io.restassured.response.ValidatableResponse post(String inspectionId, String csv, String dryRun) {
        var request = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8));
        if (dryRun != null) {
            request.queryParam("dryRun", dryRun);
        }
        return request.post("/inspections/" + inspectionId + "/plan-rows").then();
    }

    private static void assertLedger(String inspectionId, int areas, int tasks) {
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(areas));
        given().queryParam("inspectionId", inspectionId).get("/tasks").then().body("total", equalTo(tasks));
    }

    @Test
    void theSameTableTwiceStoresNothingTwiceAndNewRowsAreAdded() {
        String inspectionId = Fixtures.inspection();
        post(inspectionId, TABLE, null).statusCode(201).body("taskCount", equalTo(3)).body("added", equalTo(3));
        post(inspectionId, TABLE, null).statusCode(200).body("taskCount", equalTo(0)).body("unchanged", equalTo(3))
                .body("rows.status", contains("UNCHANGED", "UNCHANGED", "UNCHANGED"));
        assertLedger(inspectionId, 1, 3);
        String more = TABLE + row("深化体制机制改革", "强化高新区职能", "2024-12-31", "TIME_BOUND", "");
        post(inspectionId, more, "true").statusCode(200).body("dryRun", equalTo(true)).body("taskCount", equalTo(0))
                .body("rows.status", contains("UNCHANGED", "UNCHANGED", "UNCHANGED", "ADDED"))
                // each row names what it is, so the dry run reads as a diff without the sheet beside it
                .body("rows[3].area", equalTo("推进管理机制改革不彻底")).body("rows[3].problem", equalTo("深化体制机制改革"))
                .body("rows[3].task", equalTo("强化高新区职能"));
        assertLedger(inspectionId, 1, 3);
        post(inspectionId, more, null).statusCode(201).body("taskCount", equalTo(1))
                .body("rows[3].row", equalTo("row 5")).body("rows[3].status", equalTo("ADDED"));
        assertLedger(inspectionId, 1, 4);
    }

    @Test
    void changedCellsNearMissTitlesAndRepeatedRowsAreRefusedByRowAndColumn() {
        String inspectionId = Fixtures.inspection();
        post(inspectionId, TABLE, null).statusCode(201);
        // an area title one character shorter is not a second area
        String shorter = TABLE.replace("推进管理机制改革不彻底,深化体制机制改革", "推进管理机制改革不彻,深化体制机制改革");
        post(inspectionId, shorter, null).statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("row 4.反馈意见方面"));
        // a problem title one character longer is not a second problem either (a final 。 is no character
        // of the title: the same problem)
        post(inspectionId, TABLE.replace(",深化体制机制改革,", ",深化体制机制的改革,"), null).statusCode(409)
                .body("errors.field", contains("row 4.具体问题"));
        post(inspectionId, TABLE.replace(",深化体制机制改革,", ",深化体制机制改革。,"), null).statusCode(200)
                .body("unchanged", equalTo(3));
        // a changed deadline is named with its row; the dry run shows it instead of refusing
        String later = HEADER + row("推进机构人事改革", "积极招聘事业编制人员", "2024-12-31", "TIME_BOUND", "")
                + row("推进机构人事改革", "完成编制外人员清退工作", "2025-06-30", "TIME_BOUND", "")
                + row("深化体制机制改革", "健全激励机制", "2024-12-31", "IMMEDIATE", "");
        post(inspectionId, later, null).statusCode(409).body("errors.field", contains("row 3.完成时限"));
        post(inspectionId, later, "true").statusCode(200).body("rows[1].status", equalTo("CHANGED"))
                .body("conflicts.field", contains("row 3.完成时限"));
        // the same task twice in one sheet
        post(inspectionId, TABLE + row("深化体制机制改革", "健全激励机制", "2024-12-31", "IMMEDIATE", ""), null)
                .statusCode(400).body("errors.field", contains("row 5.整改任务"));
        post(inspectionId, TABLE, "perhaps").statusCode(400).body("errors[0].field", equalTo("dryRun"));
        assertLedger(inspectionId, 1, 3);
        post(inspectionId, TABLE, null).statusCode(200).body("rows", hasSize(3));
    }

    /** The dry run answers what the import does: an ambiguous row is a CONFLICT, never ADDED, in both. */
    @Test
    void aDryRunAndAnImportOfTheSameAmbiguousSheetAgree() {
        String inspectionId = Fixtures.inspection();
        String incentives = post(inspectionId, TABLE, null).statusCode(201).extract().path("tasks[2]");
        // a new task under an area title one character short of the ledger's: which area is meant?
        String nearMiss = TABLE + row("深化体制机制改革", "强化高新区职能", "2024-12-31", "TIME_BOUND", "")
                .replace("推进管理机制改革不彻底,", "推进管理机制改革不彻,");
        post(inspectionId, nearMiss, "true").statusCode(200).body("added", equalTo(0)).body("conflicting", equalTo(1))
                .body("rows.status", contains("UNCHANGED", "UNCHANGED", "UNCHANGED", "CONFLICT"))
                .body("conflicts.field", contains("row 5.反馈意见方面"));
        post(inspectionId, nearMiss, null).statusCode(409).body("errors.field", contains("row 5.反馈意见方面"));

        // the ledger holds the same task title twice in one problem: a row naming it matches both
        String problemId = given().get("/tasks/" + incentives).then().extract().path("problemId");
        Fixtures.task(problemId, Fixtures.taskJson("健全激励机制", "2024-12-31", "IMMEDIATE", ""));
        post(inspectionId, TABLE, "true").statusCode(200).body("rows.status", contains("UNCHANGED", "UNCHANGED", "CONFLICT"))
                .body("conflicts.field", contains("row 4.整改任务"))
                .body("conflicts[0].message", containsString("matches 2 tasks"));
        post(inspectionId, TABLE, null).statusCode(409).body("errors.field", contains("row 4.整改任务"));
        assertLedger(inspectionId, 1, 4);
    }
}
