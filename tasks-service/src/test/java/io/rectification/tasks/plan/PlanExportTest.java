package io.rectification.tasks.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan taken out in the import's own format (M4 of the import review: no export could be posted
 * back). Exported and posted back as a dry run, every row is UNCHANGED; imported into another
 * inspection, that inspection's plan exports to the very same table.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PlanExportTest {

    static final String XLSX = io.rectification.platform.table.XlsxWriter.MEDIA_TYPE;

    /**
     * Three tasks in two areas: stage goals, several indicators with a value and its source, a cell with a
     * comma and a line break, a text that looks like a formula (the CSV guards it with an apostrophe,
     * which the import takes off again), no cadence.
     */
    static final String PLAN = String.join(",", PlanColumns.ALL) + "\r\n"
            + "贯彻落实党中央决策部署不到位,招商引资项目跟踪服务不到位,建立招商项目全周期跟踪服务机制,"
            + "\"一是制定办法,明确分工；\n二是建立重点项目台账\",管委会分管副主任,投资促进局局长,开发区投资促进局,2027-10-31,限期整改,月报,"
            + "完成已签约未开工项目清理@2027-09-30,=已制定办法,已签约项目开工率;欠款台账建账率,%;%,62;,≥90;≥100,70;,投资促进局台账;\r\n"
            + "贯彻落实党中央决策部署不到位,招商引资项目跟踪服务不到位,健全项目履约考核长效机制,将履约情况纳入年度考核,管委会主任,"
            + "投资促进局局长,开发区投资促进局,2028-06-30,长期坚持,周报,印发考核办法@2027-03-31;首次通报@2027-06-30,,,,,,,\r\n"
            + "推进管理机制改革不彻底,拖欠企业账款,全力解决政府失信问题,建立专属欠款台账,管委会主任,财政金融局负责人,财政金融局,"
            + "2026-12-31,立行立改,,,,拖欠企业账款金额,万元,5000,下降50%,,\r\n";

    @Test
    void theExportedPlanIsReadBackByTheImportUnchanged() throws Exception {
        String inspectionId = Fixtures.inspection();
        given().contentType("text/csv").body(PLAN.getBytes(StandardCharsets.UTF_8))
                .post("/inspections/" + inspectionId + "/plan-rows").then().statusCode(201).body("taskCount", equalTo(3));
        // a problem the office found itself is in the lists, not in the plan the inspection fed back
        String area = given().get("/inspections/" + inspectionId + "/areas").then().statusCode(200)
                .extract().path("items.find { it.number == 1 }.id");
        String selfFound = given().contentType(ContentType.JSON).body(Map.of("title", "公务用车管理不规范", "source", "SELF_FOUND"))
                .post("/areas/" + area + "/problems").then().statusCode(201).extract().path("id");
        Fixtures.task(selfFound, Fixtures.taskJson("规范公务用车", "2026-12-31", "IMMEDIATE", ""));

        byte[] xlsx = given().get("/inspections/" + inspectionId + "/plan.xlsx").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        List<List<String>> rows = rowsOf(xlsx);
        assertEquals(PlanColumns.ALL, rows.get(0));
        assertEquals(4, rows.size(), "the header and the three tasks of the findings: " + rows);
        assertEquals(List.of("贯彻落实党中央决策部署不到位", "招商引资项目跟踪服务不到位", "建立招商项目全周期跟踪服务机制",
                "一是制定办法,明确分工；\n二是建立重点项目台账", "管委会分管副主任", "投资促进局局长", "开发区投资促进局", "2027-10-31",
                "限期整改", "月报", "完成已签约未开工项目清理@2027-09-30", "=已制定办法", "已签约项目开工率;欠款台账建账率", "%;%",
                "62;", "≥90;≥100", "70;", "投资促进局台账;"), rows.get(1));
        assertEquals("印发考核办法@2027-03-31;首次通报@2027-06-30", rows.get(2).get(10));
        assertEquals(List.of("拖欠企业账款金额", "万元", "5000", "下降50%", "", ""), rows.get(3).subList(12, 18));

        for (var file : List.of(Map.entry(XLSX, xlsx), Map.entry("text/csv", given().get("/inspections/" + inspectionId
                + "/plan.csv").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/csv"))
                .extract().asByteArray()))) {
            given().contentType(file.getKey()).body(file.getValue()).queryParam("dryRun", "true")
                    .post("/inspections/" + inspectionId + "/plan-rows").then().statusCode(200)
                    .body("added", equalTo(0)).body("changed", equalTo(0)).body("conflicting", equalTo(0))
                    .body("unchanged", equalTo(3)).body("conflicts.size()", equalTo(0));
        }

        // carried to another inspection, the plan is the same, cell for cell
        String other = Fixtures.inspection();
        given().contentType(XLSX).body(xlsx).post("/inspections/" + other + "/plan-rows").then().statusCode(201)
                .body("taskCount", equalTo(3));
        assertEquals(rowsOf(xlsx), rowsOf(given().get("/inspections/" + other + "/plan.xlsx").then().statusCode(200)
                .extract().asByteArray()));
        assertEquals(new String(given().get("/inspections/" + inspectionId + "/plan.csv").then().extract().asByteArray(),
                        StandardCharsets.UTF_8),
                new String(given().get("/inspections/" + other + "/plan.csv").then().extract().asByteArray(),
                        StandardCharsets.UTF_8));
    }

    /** 完成时限 is a date cell (Excel sorts and filters it), read back by the import as that day. */
    @Test
    void theDeadlineIsADateCell() throws Exception {
        String inspectionId = Fixtures.inspection();
        given().contentType("text/csv").body(PLAN.getBytes(StandardCharsets.UTF_8))
                .post("/inspections/" + inspectionId + "/plan-rows").then().statusCode(201);
        byte[] xlsx = given().get("/inspections/" + inspectionId + "/plan.xlsx").then().statusCode(200).extract().asByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell deadline = workbook.getSheet("任务分解表").getRow(1).getCell(PlanColumns.ALL.indexOf(PlanColumns.DEADLINE));
            assertEquals(CellType.NUMERIC, deadline.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(deadline));
            assertEquals(LocalDate.of(2027, 10, 31), deadline.getLocalDateTimeCellValue().toLocalDate());
        }
    }

    /**
     * Named as an office files it, for today in Asia/Shanghai by the services' clock: at 16:30 UTC on
     * 5 December it is the 6th there. The template is named the same way.
     */
    @Test
    void thePlanAndTheTemplateAreNamedForTheInspectionAndTheDayInShanghai() {
        String inspectionId = Fixtures.inspection();
        String team = given().get("/inspections/" + inspectionId).then().statusCode(200).extract().path("team");
        AdjustableClock.pinAt(Instant.parse("2026-12-05T16:30:00Z"));
        try {
            given().get("/inspections/" + inspectionId + "/plan.xlsx").then().statusCode(200)
                    .header("Content-Disposition", equalTo(disposition("任务分解表-" + team + "-2026-12-06.xlsx",
                            "plan-2026-12-06.xlsx")));
            given().get("/inspections/" + inspectionId + "/plan.csv").then().statusCode(200)
                    .header("Content-Disposition", equalTo(disposition("任务分解表-" + team + "-2026-12-06.csv",
                            "plan-2026-12-06.csv")));
            given().queryParam("inspectionId", inspectionId).get("/plans/template.xlsx").then().statusCode(200)
                    .header("Content-Disposition", equalTo(disposition("任务分解表模板-" + team + "-2026-12-06.xlsx",
                            "plan-template-2026-12-06.xlsx")));
            given().get("/plans/template.csv").then().statusCode(200)
                    .header("Content-Disposition", equalTo(disposition("任务分解表模板-2026-12-06.csv",
                            "plan-template-2026-12-06.csv")));
        } finally {
            AdjustableClock.release();
        }
    }

    @Test
    void anInspectionThatDoesNotExistIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        for (String format : List.of("csv", "xlsx")) {
            given().get("/inspections/" + unknown + "/plan." + format).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", equalTo("inspection " + unknown + " does not exist"));
        }
    }

    static String disposition(String name, String ascii) {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first sheet's cells as the import reads them (a date cell as YYYY-MM-DD). */
    static List<List<String>> rowsOf(byte[] xlsx) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < PlanColumns.ALL.size(); c++) {
                    Cell cell = row.getCell(c);
                    boolean date = cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
                    cells.add(cell == null ? "" : date ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                            : formatter.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
