package io.rectification.reporting.export;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.lists.ListColumns;
import io.rectification.platform.lists.RectificationList;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.ListExportHeaders;
import io.rectification.platform.events.EventTopics;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class ExportTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void listsAreExportedAsTheyStoodAtTheEndOfTheDay() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = UUID.randomUUID();
        ContractEvents.sendAt(OffsetDateTime.parse("2025-01-02T09:00:00+08:00"), UUID.randomUUID().toString(),
                EventTopics.TASKS, "ProblemRegistered", "Problem", problem, 1, Map.of("problem", Map.of(
                        "id", problem.toString(), "inspectionId", plan.inspectionId.toString(), "areaId", area.toString(),
                        "number", 1, "title", "深入贯彻落实党的二十大精神", "description", "学习贯彻不够深入",
                        "source", "PLAN", "percentComplete", 50)));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        sendTaskAt("2025-01-10T09:00:00+08:00", plan.task(a, area, problem, 1, "IN_PROGRESS", "2025-03-31")
                .put("title", "深化细化落实到位"), 1);
        // verified on 10 March at 00:30 in Shanghai: still 9 March in UTC, but a day of the 10th here
        sendTaskAt("2025-03-10T00:30:00+08:00", plan.task(a, area, problem, 1, "VERIFIED", "2025-03-31")
                .put("title", "深化细化落实到位"), 2);
        sendTaskAt("2025-02-15T09:00:00+08:00", plan.task(b, area, problem, 2, "PLANNED", "2025-06-30")
                .put("title", "制定\"第一议题\"制度,定期调度").put("measures", "=HYPERLINK(\"x\")")
                .put("responsibleUnit", "党政办公室"), 1);

        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .queryParam("asOf", "2025-03-31").when().get("/exports/problems.csv")
                .then().statusCode(200)
                // the problem's percent from its tasks as they stood (100 and 40), not its own event's 50
                .body(containsString(",2,1,70")));

        String early = utf8(given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-02-01")
                .when().get("/exports/tasks.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                // named for the day it stood on, not for the day it was asked
                .header("Content-Disposition", equalTo(disposition("整改任务清单-省委第七巡视组-2025-02-01.csv",
                        "task-list-" + inspection.substring(0, 8) + "-2025-02-01.csv")))
                .extract().asByteArray());
        assertTrue(early.startsWith("\uFEFF方面序号,反馈意见方面,问题序号,具体问题,任务序号,整改任务"), early);
        assertEquals(2, early.split("\r\n").length, early);
        // who answers for it, as the screen and the import name them (review finding 3), and not overdue then
        assertTrue(early.contains(",一是,深化细化落实到位,制定落实方案,张副主任,李处长,经济发展局,限期整改,2025-03-31,否,整改中,40,"),
                early);

        String onThe9th = utf8(given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-03-09")
                .when().get("/exports/tasks.csv").then().statusCode(200).extract().asByteArray());
        assertTrue(onThe9th.contains("整改中"), onThe9th);
        assertFalse(onThe9th.contains("已销号"), onThe9th);

        String later = utf8(given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-03-10")
                .when().get("/exports/tasks.csv").then().statusCode(200).extract().asByteArray());
        assertEquals(3, later.split("\r\n").length, later);
        assertTrue(later.contains(",一是,深化细化落实到位,制定落实方案,张副主任,李处长,经济发展局,限期整改,2025-03-31,否,已销号,100,"),
                later);
        // quoting per RFC 4180, and a formula is shown as text, never run
        assertTrue(later.contains(",二是,\"制定\"\"第一议题\"\"制度,定期调度\",\"'=HYPERLINK(\"\"x\"\")\","), later);

        // 是否逾期 as of the list's day: the task not started is overdue from the day after its deadline, the closed one never
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-06-30")
                .when().get("/exports/tasks.csv").then().statusCode(200)
                .body(containsString(",张副主任,李处长,党政办公室,限期整改,2025-06-30,否,未开始,"));
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-07-01")
                .when().get("/exports/tasks.csv").then().statusCode(200)
                .body(containsString(",张副主任,李处长,党政办公室,限期整改,2025-06-30,是,未开始,"))
                .body(containsString(",经济发展局,限期整改,2025-03-31,否,已销号,"));
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-07-01")
                .when().get("/exports/responsibilities.csv").then().statusCode(200)
                .body(containsString(",张副主任,李处长,党政办公室,2025-06-30,是,未开始\r\n"));

        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-03-10")
                .when().get("/exports/problems.csv").then().statusCode(200)
                .body(containsString("1,贯彻落实党中央决策部署不到位,1,深入贯彻落实党的二十大精神,学习贯彻不够深入,巡视反馈,2,1,70"));

        byte[] xlsx = given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-03-10")
                .when().get("/exports/responsibilities.xlsx")
                .then().statusCode(200)
                .contentType(equalTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        String workbook = textOf(xlsx);
        assertTrue(workbook.contains("责任清单"), "sheet named for the list");
        // a title line names the inspection, the list and its day: a printout says whose it is
        try (var sheets = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals("省委第七巡视组专项巡视沈阳高新区 整改责任清单（截至2025年3月10日）",
                    sheets.getSheet("责任清单").getRow(0).getCell(0).getStringCellValue());
            assertEquals("牵头领导", sheets.getSheet("责任清单").getRow(1).getCell(ListColumns.RESPONSIBILITIES.header()
                    .indexOf("牵头领导")).getStringCellValue());
        }
        assertTrue(workbook.contains("牵头领导"), workbook);
        assertTrue(workbook.contains("张副主任"), workbook);
        assertTrue(workbook.contains("党政办公室"), workbook);

        // the same header rows as tasks-service's exports of each list: both are ListColumns'
        for (var list : List.of(ListColumns.PROBLEMS, ListColumns.TASKS, ListColumns.RESPONSIBILITIES)) {
            String path = "/exports/" + list.list().path();
            ListExportHeaders.assertHeaders(list,
                    given().queryParam("inspectionId", inspection).when().get(path + ".csv").then().statusCode(200)
                            .extract().asByteArray(),
                    given().queryParam("inspectionId", inspection).when().get(path + ".xlsx").then().statusCode(200)
                            .extract().asByteArray());
        }
    }

    /**
     * Task events do not republish their problem, so the problem's own snapshot keeps the percent it
     * had at its last change; the list's 完成进度 is its tasks' average as they stood, the figure
     * tasks-service's list and the dashboard give.
     */
    @Test
    void aProblemsPercentIsItsTasksAverageNotTheOneItsLastEventCarried() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "推进管理机制改革不彻底");
        UUID problem = UUID.randomUUID();
        ContractEvents.sendAt(OffsetDateTime.parse("2025-04-01T09:00:00+08:00"), UUID.randomUUID().toString(),
                EventTopics.TASKS, "ProblemRegistered", "Problem", problem, 1, Map.of("problem", Map.of(
                        "id", problem.toString(), "inspectionId", plan.inspectionId.toString(), "areaId", area.toString(),
                        "number", 1, "title", "推进机构人事改革", "source", "PLAN", "percentComplete", 0)));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        sendTaskAt("2025-04-02T09:00:00+08:00", plan.task(a, area, problem, 1, "IN_PROGRESS", "2025-12-31"), 1);
        sendTaskAt("2025-04-20T09:00:00+08:00", plan.task(a, area, problem, 1, "VERIFIED", "2025-12-31"), 2);
        sendTaskAt("2025-04-03T09:00:00+08:00", plan.task(b, area, problem, 2, "IN_PROGRESS", "2025-12-31")
                .put("percentComplete", 33), 1);

        String inspection = plan.inspectionId.toString();
        // (100 + 33) / 2 = 66.5, rounded as tasks-service rounds: 67
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .queryParam("asOf", "2025-04-30").when().get("/exports/problems.csv")
                .then().statusCode(200).body(containsString(",推进机构人事改革,,巡视反馈,2,1,67\r\n")));
        // as it stood on 10 April: 40 and 33
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-10")
                .when().get("/exports/problems.csv").then().statusCode(200)
                .body(containsString(",推进机构人事改革,,巡视反馈,2,0,37\r\n"));
        // the workbook is written from the same lines
        String workbook = textOf(given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-30")
                .when().get("/exports/problems.xlsx").then().statusCode(200).extract().asByteArray());
        // 完成进度(%) is the ninth column (I) of the problem's row, below the title line and the header
        assertTrue(workbook.matches("(?s).*<c r=\"I3\"[^>]*><v>67(\\.0)?</v>.*"), workbook);
        // the dashboard's area figure, from the tasks now, agrees
        given().queryParam("inspectionId", inspection).when().get("/dashboard/areas").then().statusCode(200)
                .body("[0].percentComplete", equalTo(67));
    }

    /**
     * An inspection the read model does not know (a mistyped id, or one not projected yet) is a 404
     * naming it in every list and format, as tasks-service answers: an empty file with 200 was taken
     * for "no tasks" (M6 of the import review). One it knows without tasks yet is an empty list.
     */
    @Test
    void anInspectionTheReadModelDoesNotKnowIsNotFoundNotAnEmptyFile() {
        String unknown = UUID.randomUUID().toString();
        for (RectificationList list : RectificationList.values()) {
            for (String format : List.of("csv", "xlsx")) {
                given().queryParam("inspectionId", unknown).when().get("/exports/" + list.path() + "." + format)
                        .then().statusCode(404).contentType("application/problem+json")
                        .body("detail", equalTo("inspection " + unknown + " does not exist"));
            }
        }
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/exports/tasks.csv").then().statusCode(200)
                .body(equalTo("\uFEFF" + String.join(",", ListColumns.TASKS.header()) + "\r\n")));
    }

    /**
     * Without asOf an export is named for today in Asia/Shanghai by the services' clock: at 16:30 UTC
     * on 5 December it is already the 6th there. The UTF-8 name carries the list and the inspection's
     * team, the ASCII name beside it the list's and the inspection id's first 8 hex digits: two inspections'
     * lists of one day are not saved over each other by a client that reads only the ASCII name.
     */
    @Test
    void anExportIsNamedForItsListTheInspectionAndTheDayInShanghai() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        String inspection = plan.inspectionId.toString();
        AdjustableClock.pinAt(Instant.parse("2026-12-05T16:30:00Z"));
        try {
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                    .when().get("/exports/responsibilities.xlsx").then().statusCode(200)
                    .header("Content-Disposition", equalTo(disposition("整改责任清单-省委第七巡视组-2026-12-06.xlsx",
                            "responsibility-list-" + inspection.substring(0, 8) + "-2026-12-06.xlsx"))));
            given().queryParam("inspectionId", inspection).when().get("/exports/problems.csv").then().statusCode(200)
                    .header("Content-Disposition", equalTo(disposition("整改问题清单-省委第七巡视组-2026-12-06.csv",
                            "problem-list-" + inspection.substring(0, 8) + "-2026-12-06.csv")));
        } finally {
            AdjustableClock.release();
        }
    }

    /** RFC 6266 with RFC 5987: the ASCII name, then the UTF-8 one percent-encoded. */
    private static String disposition(String name, String ascii) {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void badExportRequestsAreProblems() {
        given().queryParam("inspectionId", UUID.randomUUID().toString()).when().get("/exports/people.csv")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/exports/tasks.csv")
                .then().statusCode(400).body("errors[0].field", equalTo("inspectionId"));
        given().queryParam("inspectionId", UUID.randomUUID().toString()).queryParam("asOf", "31.03.2025")
                .when().get("/exports/tasks.xlsx")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    private static void sendTaskAt(String time, ObjectNode task, long version) {
        ContractEvents.sendAt(OffsetDateTime.parse(time), UUID.randomUUID().toString(), EventTopics.TASKS,
                "TaskUpdated", "Task", UUID.fromString(task.get("id").asText()), version, Map.of("task", task));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every XML part of the workbook, read through the zip's central directory as spreadsheet programs do. */
    private static String textOf(byte[] xlsx) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            StringBuilder text = new StringBuilder();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.getName().endsWith(".xml")) {
                        text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            // the writer may encode characters as XML character references: decode them for the look-up
            return java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text).replaceAll(reference ->
                    java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(reference.group(2),
                            reference.group(1).isEmpty() ? 10 : 16))));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
