package io.rectification.tasks.plan;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class XlsxPlanImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("反馈意见方面", "具体问题", "整改任务", "整改措施", "牵头领导", "具体责任人",
            "责任单位", "完成时限", "任务类型", "调度频次", "阶段性目标", "整改进展");

    /** A workbook as Excel writes one: deadlines as real date cells. */
    static byte[] workbook(List<List<Object>> rows) throws IOException {
        return workbook(HEADER, rows);
    }

    static byte[] workbook(List<String> headers, List<List<Object>> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("任务分解表");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static List<Object> row(String title, Object deadline, String kind) {
        return List.of("优化配置资源要素不够有力", "提升开发利用土地资源效率", title, "建立完善征而未净土地台账。", "管委会副主任",
                "规划国土局负责人", "规划国土局", deadline, kind, "MONTHLY", "", "");
    }

    @Test
    void workbookRowsBecomeTasks() throws IOException {
        String inspectionId = Fixtures.inspection();
        byte[] xlsx = workbook(List.of(row("做好土地资源集约利用", LocalDate.of(2024, 12, 31), "TIME_BOUND"),
                row("做好土地征收补偿工作", "2025-03-31", "IMMEDIATE")));
        given().contentType(XLSX).body(xlsx).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201).body("taskCount", equalTo(2));
        given().get("/inspections/" + inspectionId + "/task-list").then()
                .body("title", contains("做好土地资源集约利用", "做好土地征收补偿工作"))
                .body("deadline", contains("2024-12-31", "2025-03-31"));
    }

    static final List<String> INDICATOR_HEADER = java.util.stream.Stream.concat(HEADER.stream(),
            java.util.stream.Stream.of("指标名称", "指标单位", "指标基线", "指标目标", "指标现值", "指标来源")).toList();

    static List<Object> rowWithIndicators(String title, Object... indicatorCells) {
        List<Object> cells = new java.util.ArrayList<>(row(title, LocalDate.of(2024, 12, 31), "TIME_BOUND"));
        cells.addAll(List.of(indicatorCells));
        return cells;
    }

    @Test
    void indicatorColumnsReadNumberCellsAndTextTargets() throws IOException {
        String inspectionId = Fixtures.inspection();
        byte[] xlsx = workbook(INDICATOR_HEADER, List.of(
                rowWithIndicators("提高土地集约利用水平", "新增亿元以上主导产业项目占比", "%", 80, "≥92", 92, "巡视整改情况公布"),
                rowWithIndicators("压减闲置土地", "闲置土地面积;批而未供土地", "亩;亩", "1200;300", "下降 30%;≤ 100", "", "")));
        given().contentType(XLSX).body(xlsx).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201).body("taskCount", equalTo(2));
        given().queryParam("inspectionId", inspectionId).queryParam("sort", "number").get("/tasks").then().statusCode(200)
                .body("items[0].indicators.name", contains("新增亿元以上主导产业项目占比"))
                .body("items[0].indicators[0].targetKind", equalTo("ABSOLUTE"))
                .body("items[0].indicators[0].direction", equalTo("INCREASE"))
                .body("items[0].indicators[0].latestSource", equalTo("巡视整改情况公布"))
                .body("items[0].indicators[0].met", equalTo(true))
                .body("items[1].indicators.name", contains("闲置土地面积", "批而未供土地"))
                .body("items[1].indicators.targetKind", contains("RELATIVE_PERCENT", "ABSOLUTE"))
                .body("items[1].indicators.direction", contains("DECREASE", "DECREASE"));
    }

    @Test
    void badIndicatorCellsAreRefusedWithTheirRow() throws IOException {
        String inspectionId = Fixtures.inspection();
        byte[] xlsx = workbook(INDICATOR_HEADER, List.of(
                rowWithIndicators("目标只写了数字", "闲置土地面积", "亩", 1200, 100, "", ""),
                rowWithIndicators("相对目标没有基线，单位却不是%", "闲置土地面积", "亩", "", "down 30%", "", ""),
                rowWithIndicators("单位条目缺一个", "闲置土地面积;批而未供土地", "亩", "", "≤1;≤2", "", "")));
        given().contentType(XLSX).body(xlsx).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("row 2.指标目标", "row 3.指标单位", "row 4.指标单位"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("'100' is not a target"));
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(0));
    }

    @Test
    void badRowsAndMalformedWorkbooksAreRefused() throws IOException {
        String inspectionId = Fixtures.inspection();
        byte[] xlsx = workbook(List.of(row("做好土地资源集约利用", LocalDate.of(2023, 12, 31), "TIME_BOUND"),
                row("", "2025-03-31", "IMMEDIATE"), row("提升工业用地集约利用水平", "明年", "TIME_BOUND")));
        given().contentType(XLSX).body(xlsx).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("row 2.完成时限", "row 3.整改任务", "row 4.完成时限"))
                .body("errors", hasSize(3));
        given().get("/inspections/" + inspectionId + "/areas").then().body("total", equalTo(0));
        given().contentType(XLSX).body("这不是表格".getBytes()).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void templateAndListsDownloadAsWorkbooks() throws IOException {
        byte[] template = given().get("/plans/template.xlsx").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        String inspectionId = Fixtures.inspection();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertEquals("指标名称", header.getCell(12).getStringCellValue());
            assertEquals("指标来源", header.getCell(17).getStringCellValue());
        }
        given().contentType(XLSX).body(template).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201).body("taskCount", equalTo(1));
        given().queryParam("inspectionId", inspectionId).get("/tasks").then()
                .body("items[0].indicators.name", contains("拖欠企业账款金额", "欠款台账建账率"));
        byte[] list = given().get("/inspections/" + inspectionId + "/task-list.xlsx").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(list))) {
            Sheet sheet = workbook.getSheet("任务清单");
            // under its title line, the columns of the one definition both services export (platform ListColumns.TASKS)
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("整改任务清单（截至"));
            assertEquals(List.of("方面序号", "反馈意见方面", "问题序号", "具体问题", "任务序号"), java.util.stream.IntStream.range(0, 5)
                    .mapToObj(i -> sheet.getRow(1).getCell(i).getStringCellValue()).toList());
            java.util.List<String> firstRow = new java.util.ArrayList<>();
            sheet.getRow(2).forEach(cell -> firstRow.add(cell.toString()));
            assertTrue(firstRow.contains("全力解决政府失信问题"), firstRow.toString());
        }
        given().get("/inspections/" + inspectionId + "/responsibility-list.xlsx").then().statusCode(200).contentType(XLSX);
        given().get("/inspections/" + inspectionId + "/problem-list.xlsx").then().statusCode(200).contentType(XLSX);
    }
}
