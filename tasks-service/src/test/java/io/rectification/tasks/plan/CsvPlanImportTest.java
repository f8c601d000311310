package io.rectification.tasks.plan;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class CsvPlanImportTest {

    static final String HEADER = "反馈意见方面,具体问题,整改任务,整改措施,牵头领导,具体责任人,责任单位,完成时限,任务类型,调度频次,阶段性目标,整改进展\r\n";

    static String row(String problem, String title, String deadline, String kind, String milestones) {
        return "推进管理机制改革不彻底," + problem + "," + title + ",\"实行限额管理,动态核减\",管委会主任,组织人事部负责人,组织人事部,"
                + deadline + "," + kind + ",WEEKLY," + milestones + ",\r\n";
    }

    @Test
    void templateRoundTripsAndRowsAreGroupedIntoAreasAndProblems() {
        byte[] template = given().get("/plans/template.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        String templateText = new String(template, StandardCharsets.UTF_8);
        assertTrue(templateText.startsWith("\uFEFF反馈意见方面,具体问题,整改任务"), templateText);

        String inspectionId = Fixtures.inspection();
        given().contentType("text/csv").body(template).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201).body("taskCount", equalTo(1));
        String csv = HEADER + row("推进机构人事改革", "积极招聘事业编制人员", "2024-12-31", "TIME_BOUND", "")
                + row("推进机构人事改革", "完成编制外人员清退工作", "2025-12-31", "LONG_TERM", "限额管理@2024-12-31;动态核减@2025-06-30")
                + row("深化体制机制改革", "健全激励机制", "2024-12-31", "IMMEDIATE", "");
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/inspections/" + inspectionId + "/plan-rows").then().statusCode(201).body("taskCount", equalTo(3));
        given().get("/inspections/" + inspectionId + "/task-list").then().statusCode(200)
                .body("label", contains("(一)1.一是", "(二)1.一是", "(二)1.二是", "(二)2.一是"))
                .body("title[2]", equalTo("完成编制外人员清退工作"));
        given().queryParam("inspectionId", inspectionId).queryParam("kind", "LONG_TERM").queryParam("sort", "number")
                .get("/tasks").then().body("items[1].milestones.title", contains("限额管理", "动态核减"));
    }

    @Test
    void everyBadRowIsReportedByNumberAndNothingIsStored() {
        String inspectionId = Fixtures.inspection();
        String csv = HEADER + row("推进机构人事改革", "积极招聘事业编制人员", "2024-13-45", "TIME_BOUND", "")
                + row("推进机构人事改革", "完成编制外人员清退工作", "2024-01-01", "SOMETIME", "")
                + row("深化体制机制改革", "健全激励机制", "2024-12-31", "LONG_TERM", "")
                + row("深化体制机制改革", "x".repeat(501), "2024-12-31", "IMMEDIATE", "坏格式")
                + "只有一个格子\r\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/inspections/" + inspectionId + "/plan-rows").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("row 2.完成时限", "row 3.任务类型", "row 4.阶段性目标", "row 5.阶段性目标", "row 6"))
                .body("errors", hasSize(5));
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(0));
        given().contentType("text/csv").body("标题,其他\r\na,b\r\n".getBytes(StandardCharsets.UTF_8))
                .post("/inspections/" + inspectionId + "/plan-rows").then().statusCode(400)
                .body("errors[0].field", equalTo("header"));
        given().contentType("text/csv").body(HEADER.getBytes(StandardCharsets.UTF_8))
                .post("/inspections/7d1f9a52-0000-4000-8000-000000000000/plan-rows").then().statusCode(404);
    }
}
