package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The bad inputs of issue 3's "done when" list against the endpoints that record work on a task
 * (indicators and their values, stage goals, progress reports, evidence, rejection, look-back):
 * missing and over-long fields, wrong types, unknown enum values, dates before the inspection and
 * a stale version. Each is a 4xx problem naming the field, and none moves the task's version.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskWorkInputTest {

    static final String LONG_TITLE = "长".repeat(501);

    @Test
    void indicatorsAndTheirValuesRefuseBadInput() {
        String taskId = startedTask();
        String url = "/tasks/" + taskId + "/indicators";
        refused(url, "{\"unit\":\"%\",\"targetKind\":\"ABSOLUTE\",\"targetValue\":5,\"direction\":\"DECREASE\"}", "name");
        refused(url, "{\"name\":\"" + "名".repeat(201) + "\",\"unit\":\"%\",\"targetKind\":\"ABSOLUTE\",\"targetValue\":5,"
                + "\"direction\":\"DECREASE\"}", "name");
        refused(url, "{\"name\":\"空编率\",\"unit\":\"%\",\"targetKind\":\"ABSOLUTE\",\"targetValue\":\"五\","
                + "\"direction\":\"DECREASE\"}", "targetValue");
        refused(url, "{\"name\":\"空编率\",\"unit\":\"%\",\"targetKind\":\"SOMEWHAT\",\"targetValue\":5,"
                + "\"direction\":\"DECREASE\"}", "targetKind");
        refused(url, "{\"name\":\"编外人员\",\"unit\":\"人\",\"targetKind\":\"RELATIVE_PERCENT\",\"targetValue\":5,"
                + "\"direction\":\"DECREASE\"}", "unit");
        assertVersion(taskId, 1);

        String indicatorId = given().contentType(ContentType.JSON)
                .body("{\"name\":\"空编率\",\"unit\":\"%\",\"targetKind\":\"ABSOLUTE\",\"targetValue\":5,\"direction\":\"DECREASE\"}")
                .post(url).then().statusCode(201).extract().path("indicators[0].id");
        String values = url + "/" + indicatorId + "/values";
        refused(values, "{\"value\":4}", "source");
        refused(values, "{\"value\":4,\"source\":\"" + "源".repeat(501) + "\"}", "source");
        refused(values, "{\"value\":\"四\",\"source\":\"编制台账\"}", "value");
        refused(values, "{\"source\":\"编制台账\"}", "value");
        stale(values, "{\"value\":4,\"source\":\"编制台账\"}", "1");
        assertVersion(taskId, 2);
    }

    @Test
    void stageGoalsRefuseBadInputAndDatesBeforeTheInspection() {
        String taskId = startedTask();
        String url = "/tasks/" + taskId + "/milestones";
        refused(url, "{\"dueDate\":\"2024-12-31\"}", "title");
        refused(url, "{\"title\":\"" + LONG_TITLE + "\",\"dueDate\":\"2024-12-31\"}", "title");
        refused(url, "{\"title\":\"完成清退\",\"dueDate\":\"年底\"}", "dueDate");
        refused(url, "{\"title\":\"完成清退\",\"dueDate\":\"2024-04-06\"}", "dueDate");
        stale(url, "{\"title\":\"完成清退\",\"dueDate\":\"2024-12-31\"}", "0");
        assertVersion(taskId, 1);
    }

    @Test
    void progressReportsRefuseBadInput() {
        String taskId = startedTask();
        String url = "/tasks/" + taskId + "/progress-reports";
        String good = "\"periodStart\":\"2024-10-01\",\"periodEnd\":\"2024-10-31\",\"text\":\"月推进\",\"percentComplete\":30";
        refused(url, "{" + good + "}", "cadence");
        refused(url, "{\"cadence\":\"HOURLY\"," + good + "}", "cadence");
        refused(url, "{\"cadence\":\"MONTHLY\"," + good.replace("\"月推进\"", "\"\"") + "}", "text");
        // blank means every kind of space: full-width and no-break ones, zero-width characters (platform NotBlankText)
        refused(url, "{\"cadence\":\"MONTHLY\"," + good.replace("\"月推进\"", "\"\\u3000\\u00a0\\u200b\\ufeff\"") + "}", "text");
        refused(url, "{\"cadence\":\"MONTHLY\"," + good.replace("\"月推进\"", "\"" + "进".repeat(20001) + "\"") + "}", "text");
        refused(url, "{\"cadence\":\"MONTHLY\"," + good.replace("30", "\"三成\"") + "}", "percentComplete");
        // one report is one period of its cadence, of work done
        refused(url, "{\"cadence\":\"WEEKLY\"," + good + "}", "periodEnd");
        refused(url, "{\"cadence\":\"DAILY\"," + good.replace("2024-10-01", "2099-10-31").replace("2024-10-31", "2099-10-31") + "}", "periodStart");
        stale(url, "{\"cadence\":\"MONTHLY\"," + good + "}", "0");
        assertVersion(taskId, 1);
    }

    /**
     * A report's text is published (TaskProgressReported) to a topic kept for good: a citizen's mobile or
     * ID number in it is refused, naming the field and never the number, and nothing is stored or published
     * (the task's version, which every task event moves, stays); a document number, a date, an amount pass.
     */
    @Test
    void aProgressReportWithSomeonesContactDetailsIsRefusedOneWithDocumentNumbersIsNot() {
        String taskId = startedTask();
        String url = "/tasks/" + taskId + "/progress-reports";
        String report = "{\"cadence\":\"MONTHLY\",\"periodStart\":\"2024-10-01\",\"periodEnd\":\"2024-10-31\","
                + "\"percentComplete\":20,\"text\":\"%s\"}";
        for (String text : List.of("已电话联系反映问题的群众欧阳锋（13812345678，身份证210102198001011234），现场查看后制定方案。",
                "已回访群众，手机１３８ １２３４ ５６７８")) {
            given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(report.formatted(text)).post(url).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("text")))
                    .body("errors[0].message", startsWith("contains contact details (a mobile number"))
                    .body("errors[0].message", containsString("tracking code (查询码)"))
                    .body("detail", not(containsString("5678")));
        }
        assertVersion(taskId, 1);
        given().get(url).then().statusCode(200).body("size()", equalTo(0));

        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                .body(report.formatted("按沈浑政办发〔2026〕12号文件，2026-12-05前追回资金120.5万元；群众来信（查询码7KQM-2XHD-9WTB-R4NC）已答复。"))
                .post(url).then().statusCode(201);
        assertVersion(taskId, 2);
    }

    @Test
    void evidenceRefusesBadInput() {
        String taskId = startedTask();
        String url = "/tasks/" + taskId + "/evidence";
        refused(url, "{\"type\":\"MINUTES\",\"date\":\"2024-09-30\"}", "title");
        refused(url, "{\"type\":\"MINUTES\",\"title\":\"" + LONG_TITLE + "\",\"date\":\"2024-09-30\"}", "title");
        refused(url, "{\"type\":\"MINUTES\",\"title\":\"纪要\",\"reference\":\"" + "号".repeat(501) + "\",\"date\":\"2024-09-30\"}",
                "reference");
        refused(url, "{\"type\":\"MINUTES\",\"title\":\"纪要\"}", "date");
        refused(url, "{\"type\":\"MINUTES\",\"title\":\"纪要\",\"date\":20240930}", "date");
        stale(url, "{\"type\":\"MINUTES\",\"title\":\"纪要\",\"date\":\"2024-09-30\"}", "0");
        assertVersion(taskId, 1);
    }

    @Test
    void rejectionAndLookBackRefuseBadInput() {
        String taskId = startedTask();
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE)
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim")
                .then().statusCode(200);
        String rejection = "/tasks/" + taskId + "/completion-rejection";
        refused(rejection, "{}", "reason");
        refused(rejection, "{\"reason\":\"\\u3000\\u200b\"}", "reason");
        refused(rejection, "{\"reason\":\"" + "因".repeat(2001) + "\"}", "reason");
        refused(rejection, "{\"reason\":42}", "reason");
        refused(rejection, "{\"reason\":\"请联系群众王某（身份证21010219800101123X）补充材料\"}", "reason");
        stale(rejection, "{\"reason\":\"佐证不足\"}", "1");
        assertVersion(taskId, 3);

        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification")
                .then().statusCode(200);
        String review = "/tasks/" + taskId + "/look-back-reviews";
        refused(review, "{}", "outcome");
        refused(review, "{\"outcome\":\"MAYBE\"}", "outcome");
        refused(review, "{\"outcome\":\"REOPENED\",\"reason\":\"" + "因".repeat(2001) + "\"}", "reason");
        refused(review, "{\"outcome\":\"CONFIRMED\",\"newProblem\":{\"title\":\"\"}}", "newProblem.title");
        refused(review, "{\"outcome\":\"CONFIRMED\",\"newProblem\":{\"title\":\"路灯\",\"description\":\"群众邮箱wxm@example.com\"}}",
                "newProblem.description");
        stale(review, "{\"outcome\":\"CONFIRMED\"}", "3");
        assertVersion(taskId, 4);
    }

    /** A task of an inspection on site from 2024-04-07, started (version 1). */
    private static String startedTask() {
        String taskId = Fixtures.task(Fixtures.freshProblem(),
                Fixtures.taskJson("清理编外人员", "2099-12-31", "TIME_BOUND", "\"reportingCadence\":\"MONTHLY\""));
        given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
        return taskId;
    }

    private static void refused(String url, String body, String field) {
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(body).post(url).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static void stale(String url, String body, String version) {
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").header("If-Match", "\"" + version + "\"")
                .body(body).post(url).then().statusCode(412).contentType("application/problem+json");
    }

    private static void assertVersion(String taskId, int version) {
        given().get("/tasks/" + taskId).then().statusCode(200).body("version", equalTo(version));
    }
}
