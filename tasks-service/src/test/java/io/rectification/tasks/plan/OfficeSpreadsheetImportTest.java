package io.rectification.tasks.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The breakdown table as an office clerk prepares it (the outside review of the import): downloaded,
 * filled in Excel and saved there, with the notice's numbering copied into the titles, area and
 * problem cells merged over their tasks or left empty under them, a title and blank rows around the
 * table, and the dates as Excel and offices write them.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class OfficeSpreadsheetImportTest {

    static final String HEADER = CsvPlanImportTest.HEADER;

    static String row(String area, String problem, String task, String unit, String deadline, String kind) {
        return area + "," + problem + "," + task + ",一是制定办法；二是建立台账。,管委会主任,王局长," + unit + "," + deadline + ","
                + kind + ",月报,,\r\n";
    }

    private static ValidatableResponse post(String inspectionId, byte[] body, String type, boolean dryRun) {
        return given().contentType(type).body(body)
                .post("/inspections/" + inspectionId + "/plan-rows" + (dryRun ? "?dryRun=true" : "")).then();
    }

    /**
     * Saved by Excel as "CSV (逗号分隔)": GBK, dates 2026/12/31 and 2026年1月5日, a title row and blank rows
     * above the header, the area and problem left empty under the first row naming them, a blank row
     * between areas. Refused before as "missing column(s)", then as "not a date" and "must not be blank".
     */
    @Test
    void aTableSavedByExcelInChineseImports() {
        String inspectionId = Fixtures.inspection();
        String csv = "某区巡视整改任务分解表,,,,,,,,,,,\r\n,,,,,,,,,,,\r\n" + HEADER
                + row("贯彻落实党中央决策部署不到位", "招商引资后续服务不到位", "建立项目跟踪机制", "招商局", "2026/12/31", "限期整改")
                + row("", "", "完善服务专员制度", "招商局", "2026年1月5日", "即知即改")
                + row("", "招商承诺兑现不到位", "建立承诺兑现台账", "招商局", "２０２６－１２－３１", "限期整改")
                + ",,,,,,,,,,,\r\n"
                + row("作风建设不扎实", "文山会海问题突出", "精简会议文件", "办公室", "2026.12.31", "限期整改")
                + row("", "", "建立发文审核机制", "办公室", "46387", "限期整改");
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        post(inspectionId, gbk, "text/csv", true).statusCode(200)
                .body("added", equalTo(5))
                .body("rows.row", contains("row 4", "row 5", "row 6", "row 8", "row 9"))
                .body("rows[1].area", equalTo("贯彻落实党中央决策部署不到位"))
                .body("rows[1].problem", equalTo("招商引资后续服务不到位"))
                .body("rows[2].problem", equalTo("招商承诺兑现不到位"))
                .body("rows[4].area", equalTo("作风建设不扎实"))
                .body("warnings.field", contains("body", "row 9.完成时限"))
                .body("warnings[0].message", startsWith("not UTF-8: read as GB18030"))
                .body("warnings[1].message", equalTo("'46387' read as an Excel date serial number: 2026-12-31"));
        post(inspectionId, gbk, "text/csv", false).statusCode(201).body("taskCount", equalTo(5));
        given().get("/inspections/" + inspectionId + "/task-list").then()
                .body("label", contains("（一）1.一是", "（一）1.二是", "（一）2.一是", "（二）1.一是", "（二）1.二是"))
                .body("deadline", contains("2026-12-31", "2026-01-05", "2026-12-31", "2026-12-31", "2026-12-31"))
                .body("kind", contains("TIME_BOUND", "IMMEDIATE", "TIME_BOUND", "TIME_BOUND", "TIME_BOUND"));
    }

    /**
     * The reviewer's RV3: one area and one problem written four ways became two areas and four problems
     * ((一)1. １．招商不力 | (一)2. 1.招商不力 | …), with the clerk's numbers printed after the list's own.
     */
    @Test
    void numberingIsRemovedAndTitlesWrittenTwoWaysAreOneAreaOrProblem() {
        String inspectionId = Fixtures.inspection();
        String csv = HEADER
                + row("（一）贯彻落实党中央决策部署不到位", "１．招商不力", "一是建立项目跟踪机制", "招商局", "2026-12-31", "限期整改")
                + row("（一）贯彻落实党中央决策部署不到位", "1.招商不力", "任务二", "招商局", "2026-12-31", "限期整改")
                + row("（一）贯彻落实党中央决策部署不到位", "1. 招商不力。", "任务三", "招商局", "2026-12-31", "限期整改")
                + row("(一)贯彻落实党中央决策部署不到位", "1.招商不力", "任务四", "招商局", "2026-12-31", "限期整改")
                + row("（一）贯彻落实党中央决策部署不到位", "2.招商引资不力", "任务五", "招商局", "2026-12-31", "限期整改");
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        post(inspectionId, body, "text/csv", true).statusCode(200)
                .body("added", equalTo(5))
                .body("rows.problem", contains("招商不力", "招商不力", "招商不力", "招商不力", "招商引资不力"))
                .body("warnings.field", hasItem("row 2.反馈意见方面"))
                .body("warnings.find { it.field == 'row 2.具体问题' }.message",
                        equalTo("numbering '１．' removed: areas, problems and tasks are numbered by their place in the plan"))
                .body("warnings.find { it.field == 'row 2.整改任务' }.message", startsWith("numbering '一是' removed"))
                .body("warnings.find { it.field == 'row 4.具体问题' && it.message.contains('read as') }.message",
                        equalTo("'招商不力。' is read as the problem '招商不力' of row 2 (the same title but for numbering, "
                                + "blanks, full-width characters or a final 。/；)"))
                .body("warnings.find { it.field == 'row 6.具体问题' && it.message.contains('resembles') }.message",
                        startsWith("'招商引资不力' resembles the problem '招商不力' of row 2 and is imported as another problem"));
        post(inspectionId, body, "text/csv", false).statusCode(201).body("taskCount", equalTo(5));
        given().get("/inspections/" + inspectionId + "/task-list").then()
                .body("label", contains("（一）1.一是", "（一）1.二是", "（一）1.三是", "（一）1.四是", "（一）2.一是"))
                .body("areaTitle", not(hasItem(containsString("（一）"))))
                .body("problemTitle[0]", equalTo("招商不力"))
                .body("title[0]", equalTo("建立项目跟踪机制"));
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(1));
        // the same file again: every row is the ledger's, whatever numbering it carries
        post(inspectionId, body, "text/csv", false).statusCode(200).body("unchanged", equalTo(5));
    }

    /** Area and problem merged over their tasks (A2:A4, B2:B3), a blank row, a formula's value. */
    @Test
    void aWorkbookWithMergedCellsAndFormulasImports() throws IOException {
        String inspectionId = Fixtures.inspection();
        byte[] xlsx;
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("任务分解表");
            Row header = sheet.createRow(0);
            for (int c = 0; c < XlsxPlanImportTest.HEADER.size(); c++) {
                header.createCell(c).setCellValue(XlsxPlanImportTest.HEADER.get(c));
            }
            List<List<String>> rows = List.of(
                    List.of("（一）贯彻落实不到位", "1.问题甲", "任务一"),
                    List.of("", "", "任务二"),
                    List.of("", "2.问题乙", "任务三"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < 3; c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
                row.createCell(3).setCellValue("制定办法");
                if (r == 0) {
                    row.createCell(4).setCellValue("管委会主任"); // merged over the three tasks, as 牵头领导 often is
                }
                row.createCell(5).setCellValue("王局长");
                row.createCell(6).setCellFormula("\"招商\"&\"局\"");
                row.getCell(6).setCellValue("招商局");
                row.createCell(7).setCellValue("2026/12/31");
                row.createCell(8).setCellValue("长期");
                row.createCell(10).setCellValue("建立台账＠2026年6月30日");
            }
            sheet.createRow(5).createCell(0).setCellValue("");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A4"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("B2:B3"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("E2:E4"));
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        post(inspectionId, xlsx, XlsxPlanImportTest.XLSX, false).statusCode(201).body("taskCount", equalTo(3))
                .body("rows.problem", contains("问题甲", "问题甲", "问题乙"));
        given().get("/inspections/" + inspectionId + "/task-list").then()
                .body("label", contains("（一）1.一是", "（一）1.二是", "（一）2.一是"))
                .body("responsibleUnit", contains("招商局", "招商局", "招商局"))
                .body("leadOfficial", contains("管委会主任", "管委会主任", "管委会主任"))
                .body("kind", contains("LONG_TERM", "LONG_TERM", "LONG_TERM"));
    }

    /** 招商居 for 招商局 was stored silently, and no officer could ever report on the task. */
    @Test
    void aUnitCloseToOneTheLedgerKnowsIsAWarning() {
        String inspectionId = Fixtures.inspection();
        String first = HEADER + row("作风建设不扎实", "文山会海", "精简会议", "招商局", "2026-12-31", "限期整改");
        post(inspectionId, first.getBytes(StandardCharsets.UTF_8), "text/csv", false).statusCode(201);
        String more = first + row("作风建设不扎实", "文山会海", "精简文件", "招商居", "2026-12-31", "限期整改")
                + row("作风建设不扎实", "文山会海", "精简简报", "招 商 局", "2026-12-31", "限期整改")
                + row("作风建设不扎实", "文山会海", "精简表格", "财政金融局", "2026-12-31", "限期整改");
        post(inspectionId, more.getBytes(StandardCharsets.UTF_8), "text/csv", true).statusCode(200)
                .body("added", equalTo(3))
                .body("warnings.field", contains("row 3.责任单位", "row 4.责任单位"))
                .body("warnings[0].message", startsWith("'招商居' is new to the ledger and close to '招商局' (in the ledger)"))
                .body("warnings[1].message", startsWith("'招 商 局' is new to the ledger and close to '招商局'"));
    }

    /** The spreadsheet let a bell character through that every JSON body refuses. */
    @Test
    void controlCharactersAreRefusedAsInAJsonBody() {
        String inspectionId = Fixtures.inspection();
        String csv = HEADER + row("作风建设不扎实", "文山会海", "建立\u0007机制", "办公室", "2026-12-31", "限期整改");
        post(inspectionId, csv.getBytes(StandardCharsets.UTF_8), "text/csv", true).statusCode(400)
                .body("errors.field", contains("row 2.整改任务"))
                .body("errors[0].message", equalTo("contains a control character (U+0007) at position 2"));
    }

    /** 2,001 tasks: the same refusal for the table as for the JSON plan (which took them before). */
    @Test
    void theTableAndTheJsonPlanShareOneLimit() {
        String inspectionId = Fixtures.inspection();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int r = 0; r <= PlanLimits.MAX_TASKS; r++) {
            csv.append(row("作风建设不扎实", "问题" + (r / 50), "任务" + r, "办公室", "2026-12-31", "限期整改"));
        }
        post(inspectionId, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", true).statusCode(400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", equalTo("more than 2000 tasks (2001); split the plan"));
        StringBuilder problems = new StringBuilder();
        for (int p = 0; p * 100 <= PlanLimits.MAX_TASKS; p++) {
            StringBuilder tasks = new StringBuilder();
            for (int t = p * 100; t < Math.min(PlanLimits.MAX_TASKS + 1, (p + 1) * 100); t++) {
                tasks.append(tasks.isEmpty() ? "" : ",").append(Fixtures.taskJson("任务" + t, "2099-12-31", "TIME_BOUND", ""));
            }
            problems.append(problems.isEmpty() ? "" : ",").append("{\"title\":\"问题").append(p).append("\",\"tasks\":[")
                    .append(tasks).append("]}");
        }
        String plan = "{\"inspection\":" + Fixtures.inspectionJson() + ",\"areas\":[{\"title\":\"作风建设\",\"problems\":["
                + problems + "]}]}";
        given().contentType("application/json").body(plan).post("/plans?dryRun=true").then().statusCode(400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", equalTo("more than 2000 tasks (2001); split the plan"));
    }
}
