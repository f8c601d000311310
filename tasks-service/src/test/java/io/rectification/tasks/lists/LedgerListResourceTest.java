package io.rectification.tasks.lists;

import io.rectification.platform.lists.ListColumns;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.ListExportHeaders;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class LedgerListResourceTest {

    @Test
    void theThreeListsFollowThePlanAndGroupResponsibility() {
        String inspectionId = Fixtures.inspection();
        String first = Fixtures.area(inspectionId, "贯彻落实党中央决策部署不到位");
        String second = Fixtures.area(inspectionId, "推进管理机制改革不彻底");
        String p1 = Fixtures.problem(first, "做好优化营商环境重点工作");
        String p2 = Fixtures.problem(second, "推进机构人事改革");
        Fixtures.task(p1, Fixtures.taskJson("强化思想认识", "2024-12-31", "IMMEDIATE", ""));
        Fixtures.task(p1, Fixtures.taskJson("全力解决政府失信问题", "2025-06-30", "TIME_BOUND", ""));
        Fixtures.task(p2, Fixtures.taskJson("积极招聘事业编制人员", "2024-12-31", "TIME_BOUND", "")
                .replace("财政金融局", "组织人事部").replace("王副主任", "张书记"));

        given().get("/inspections/" + inspectionId + "/problem-list").then().statusCode(200)
                .body("label", contains("（一）1.", "（二）1."))
                .body("taskCount", contains(2, 1));
        given().get("/inspections/" + inspectionId + "/task-list").then().statusCode(200)
                .body("label", contains("（一）1.一是", "（一）1.二是", "（二）1.一是"))
                .body("title[2]", equalTo("积极招聘事业编制人员"));
        given().get("/inspections/" + inspectionId + "/responsibility-list").then().statusCode(200)
                .body("byLeadOfficial.name", contains("张书记", "王副主任"))
                .body("byLeadOfficial[1].taskCount", equalTo(2))
                .body("byResponsibleUnit.name", contains("组织人事部", "财政金融局"));

        // 1 March 2025, 00:30 in Shanghai (still February in UTC): what is overdue is counted on this day
        AdjustableClock.pinAt(Instant.parse("2025-02-28T16:30:00Z"));
        byte[] csv;
        String responsibility;
        try {
            csv = given().get("/inspections/" + inspectionId + "/task-list.csv").then().statusCode(200)
                    .contentType(containsString("text/csv"))
                    .header("Content-Disposition", startsWith("attachment; filename=\"task-list-" + inspectionId.substring(0, 8)
                            + "-2025-03-01"))
                    .extract().asByteArray();
            responsibility = new String(given().get("/inspections/" + inspectionId + "/responsibility-list.csv")
                    .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        } finally {
            AdjustableClock.release();
        }
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3), "UTF-8 BOM");
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertEquals(4, lines.length);
        assertEquals(ListColumns.TASKS.header(), List.of(lines[0].split(",")));
        assertTrue(lines[2].startsWith("1,贯彻落实党中央决策部署不到位,1,做好优化营商环境重点工作,二是,全力解决政府失信问题,\"建立专属欠款台账,"), lines[2]);
        // who answers for it, as the import names them (review finding 3), and 是否逾期 as of today in Shanghai
        assertTrue(lines[2].contains(",王副主任,李科长,财政金融局,限期整改,2025-06-30,否,未开始,0,"), lines[2]);
        assertTrue(lines[1].contains(",王副主任,李科长,财政金融局,立行立改,2024-12-31,是,未开始,0,"), lines[1]);
        assertTrue(responsibility.contains("\r\n2,推进管理机制改革不彻底,1,一是,积极招聘事业编制人员,张书记,李科长,组织人事部,2024-12-31,是,未开始\r\n"),
                responsibility);
        given().get("/inspections/" + inspectionId + "/problem-list.csv").then().statusCode(200)
                .body(containsString("2,推进管理机制改革不彻底,1,推进机构人事改革,反馈意见原文,巡视反馈,1,0,0"));
        given().get("/inspections/7d1f9a52-0000-4000-8000-000000000000/task-list").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * A list is named as an office files it (L4 of the import review: task-list.xlsx of every inspection
     * overwrote each other in Downloads): the list, the inspection's team and today in Asia/Shanghai by
     * the services' clock, which at 16:30 UTC on 5 December is already the 6th; the ASCII name carries the
     * inspection id's first 8 hex digits (two inspections' lists of a day had one ASCII name). The sheet opens
     * with a title line naming the inspection, the list and the day; its deadlines are date cells.
     */
    @Test
    void aListIsNamedForItsInspectionAndTheDayInShanghaiWithDatesAsDates() throws Exception {
        String inspectionId = Fixtures.inspection();
        String team = given().get("/inspections/" + inspectionId).then().statusCode(200).extract().path("team");
        String title = given().get("/inspections/" + inspectionId).then().statusCode(200).extract().path("title");
        Fixtures.task(Fixtures.problem(Fixtures.area(inspectionId, "贯彻落实党中央决策部署不到位"), "做好优化营商环境重点工作"),
                Fixtures.taskJson("强化思想认识", "2024-12-31", "IMMEDIATE", ""));
        AdjustableClock.pinAt(Instant.parse("2026-12-05T16:30:00Z"));
        byte[] xlsx;
        try {
            xlsx = given().get("/inspections/" + inspectionId + "/task-list.xlsx").then().statusCode(200)
                    .header("Content-Disposition", equalTo("attachment; filename=\"task-list-" + inspectionId.substring(0, 8)
                            + "-2026-12-06.xlsx\"; filename*=UTF-8''"
                            + URLEncoder.encode("整改任务清单-" + team + "-2026-12-06.xlsx", StandardCharsets.UTF_8)))
                    .extract().asByteArray();
            given().get("/inspections/" + inspectionId + "/problem-list.csv").then().statusCode(200)
                    .header("Content-Disposition", equalTo("attachment; filename=\"problem-list-" + inspectionId.substring(0, 8)
                            + "-2026-12-06.csv\"; filename*=UTF-8''"
                            + URLEncoder.encode("整改问题清单-" + team + "-2026-12-06.csv", StandardCharsets.UTF_8)));
        } finally {
            AdjustableClock.release();
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(title + " 整改任务清单（截至2026年12月6日）", workbook.getSheet("任务清单").getRow(0).getCell(0)
                    .getStringCellValue());
            Cell deadline = workbook.getSheet("任务清单").getRow(2).getCell(ListColumns.TASKS.header().indexOf("完成时限"));
            assertEquals(CellType.NUMERIC, deadline.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(deadline), "a date cell, not the text 2024-12-31");
            assertEquals(LocalDate.of(2024, 12, 31), deadline.getLocalDateTimeCellValue().toLocalDate());
        }
    }

    /** The same header rows as reporting-service's exports of each list: both are {@link ListColumns}'. */
    @Test
    void everyExportOfAListHasTheSharedColumns() throws Exception {
        String inspectionId = Fixtures.inspection();
        String area = Fixtures.area(inspectionId, "贯彻落实党中央决策部署不到位");
        Fixtures.task(Fixtures.problem(area, "做好优化营商环境重点工作"),
                Fixtures.taskJson("强化思想认识", "2024-12-31", "IMMEDIATE", ""));
        for (var list : List.of(Map.entry("problem-list", ListColumns.PROBLEMS), Map.entry("task-list", ListColumns.TASKS),
                Map.entry("responsibility-list", ListColumns.RESPONSIBILITIES))) {
            String path = "/inspections/" + inspectionId + "/" + list.getKey();
            ListExportHeaders.assertHeaders(list.getValue(),
                    given().get(path + ".csv").then().statusCode(200).extract().asByteArray(),
                    given().get(path + ".xlsx").then().statusCode(200).extract().asByteArray());
        }
    }
}
