package io.rectification.reporting.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 撤销 (events 1.2.0): a task, a problem with its task and an area with its problem and task, cancelled
 * as tasks-service publishes it (the children's TaskCancelled and ProblemCancelled first), drop out of
 * the report's section 二 and its figures, the public progress page, the dashboard's summary (its
 * counters), areas, units and overdue list, the exported lists and the unit's 待办; the task read by its
 * id still answers, with its state kept and its {@code cancelledAt}. The clock is pinned at 23:59:30 in
 * Shanghai, inside the publication's window.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class CancelledLedgerTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String CANCELLED_AT = "2025-11-08T23:50:00+08:00";

    final ContractEvents plan = new ContractEvents();
    final String unit = "撤销测试局-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void whatTheOfficeCancelledCountsInNoFigureListOrPageAndIsStillReadByItsId() {
        AdjustableClock.pinAt(Instant.parse("2025-11-08T15:59:30Z"));
        plan.registerInspection();
        UUID area1 = plan.registerArea(1, "贯彻落实党中央决策部署和省委要求不到位");
        UUID area2 = plan.registerArea(2, "推进管理机制改革不彻底");
        UUID area3 = plan.registerArea(3, "另一轮巡视的方面误录入");
        UUID p11 = plan.registerProblem(area1, 1, "做好优化营商环境重点工作");
        UUID p12 = plan.registerProblem(area1, 2, "重复导入的问题");
        UUID p21 = plan.registerProblem(area2, 1, "深化体制机制改革");
        UUID p31 = plan.registerProblem(area3, 1, "其他巡视组指出的问题");
        ObjectNode verified = task(UUID.randomUUID(), area1, p11, 1, "VERIFIED", "2025-03-31", "强化服务意识");
        ObjectNode twice = task(UUID.randomUUID(), area1, p11, 2, "IN_PROGRESS", "2025-02-28", "重复录入的任务");
        ObjectNode ofTwice = task(UUID.randomUUID(), area1, p12, 1, "IN_PROGRESS", "2025-12-31", "重复问题的任务");
        ObjectNode late = task(UUID.randomUUID(), area2, p21, 1, "PLANNED", "2025-01-31", "完成编制外人员清退工作");
        ObjectNode ofOther = task(UUID.randomUUID(), area3, p31, 1, "PLANNED", "2025-12-31", "其他巡视的任务");
        ContractEvents.sendTask("TaskVerified", verified, 4);
        for (ObjectNode task : List.of(twice, ofTwice, late, ofOther)) {
            ContractEvents.sendTask("TaskCreated", task, 1);
        }
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        draft(publication);
        String inspection = plan.inspectionId.toString();
        String officer = TestTokens.tokenInUnit("officer-cancel", unit, "officer");

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200)
                .body(containsString("巡视反馈意见指出的3个方面4项具体问题，细化为5项整改任务，目前已完成销号1项。")));
        summary(inspection).then().body("tasks", equalTo(5)).body("verified", equalTo(1)).body("overdue", equalTo(2));
        assertTrue(tasksCsv(inspection).contains("重复录入的任务"));
        assertEquals(2, todoTitles(officer).stream().filter(title -> title.equals("重复录入的任务")
                || title.equals("完成编制外人员清退工作")).count(), "both overdue tasks are to-dos");

        // the task alone; the problem after its task; the area after its problem's task and the problem
        ContractEvents.sendTask("TaskCancelled", cancelled(twice), 2);
        ContractEvents.sendTask("TaskCancelled", cancelled(ofTwice), 2);
        cancelProblem(p12, area1, 2, "重复导入的问题");
        ContractEvents.sendTask("TaskCancelled", cancelled(ofOther), 2);
        cancelProblem(p31, area3, 1, "其他巡视组指出的问题");
        cancelArea(area3, 3, "另一轮巡视的方面误录入");

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200)
                .body(containsString("巡视反馈意见指出的2个方面2项具体问题，细化为2项整改任务，目前已完成销号1项。")));
        String report = given().when().get("/reports/" + inspection + "/preview.md").then().extract().asString();
        for (String gone : List.of("重复录入的任务", "重复导入的问题", "重复问题的任务", "另一轮巡视的方面误录入", "其他巡视组指出的问题",
                "其他巡视的任务")) {
            assertFalse(report.contains(gone), gone + " is not in the report");
        }
        // the report's checks count the same standing rows: nothing disagrees for the cancelled ones
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200)
                .body("incomplete.size()", equalTo(0));

        // the public progress page: the standing findings only
        String page = given().when().get("/reports/" + inspection + "/progress.html").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("完成编制外人员清退工作") && page.contains("强化服务意识"), page);
        assertFalse(page.contains("重复录入的任务") || page.contains("重复导入的问题") || page.contains("另一轮巡视的方面误录入")
                || page.contains("其他巡视的任务"), page);

        // the dashboards: the summary from its counters, the areas, units and overdue list from the rows
        summary(inspection).then().body("tasks", equalTo(2)).body("verified", equalTo(1)).body("overdue", equalTo(1))
                .body("byState.IN_PROGRESS", equalTo(null));
        JsonPath areas = given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-11-08")
                .when().get("/dashboard/areas").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 2), areas.getList("number"));
        assertEquals(List.of(1, 1), areas.getList("problems"));
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-11-08")
                .when().get("/dashboard/units").then().statusCode(200)
                .body("find { it.name == '" + unit + "' }.tasks", equalTo(2));
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-11-08")
                .when().get("/dashboard/overdue").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("完成编制外人员清退工作"));

        // the lists as they stood at the end of the day: what was cancelled by then is not in them
        String tasks = tasksCsv(inspection);
        assertTrue(tasks.contains("完成编制外人员清退工作"), tasks);
        assertFalse(tasks.contains("重复录入的任务") || tasks.contains("重复问题的任务") || tasks.contains("其他巡视的任务"), tasks);
        String problems = new String(given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-11-08")
                .when().get("/exports/problems.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertFalse(problems.contains("重复导入的问题") || problems.contains("其他巡视组指出的问题"), problems);

        // due nothing: the overdue task that was cancelled is no longer the unit's to-do
        assertEquals(List.of("完成编制外人员清退工作"), todoTitles(officer).stream()
                .filter(title -> title.equals("重复录入的任务") || title.equals("完成编制外人员清退工作")).toList());

        // read by its id: still there, in the state it had, with when it was cancelled
        given().when().get("/read-models/tasks/" + twice.get("id").asText()).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS")).body("version", equalTo(2))
                .body("snapshot.cancelledAt", notNullValue());
    }

    /**
     * The public documents number by place among what stands, not by the ledger's numbers: with the middle
     * area, the middle problem of an area and the middle task of a problem cancelled, the report's preview
     * (Markdown and HTML), a version published after it and the progress page read （一）（二）, 1. 2. and
     * 一是 二是 with no gap; the version published before keeps the numbers it was published with, and the
     * draft's checks name what is numbered otherwise since it (a notice, until the next version is published).
     */
    @Test
    void whatWasCancelledLeavesNoGapInThePublicNumbersButAPublishedVersionKeepsItsOwn() {
        AdjustableClock.pinAt(Instant.parse("2025-11-08T15:59:30Z"));
        plan.registerInspection();
        UUID area1 = plan.registerArea(1, "政治监督方面");
        UUID area2 = plan.registerArea(2, "误录入的方面");
        UUID area3 = plan.registerArea(3, "作风建设方面");
        UUID p11 = plan.registerProblem(area1, 1, "营商环境问题");
        UUID p12 = plan.registerProblem(area1, 2, "误录入的问题");
        UUID p13 = plan.registerProblem(area1, 3, "项目监管问题");
        UUID p21 = plan.registerProblem(area2, 1, "误录入方面的问题");
        UUID p31 = plan.registerProblem(area3, 1, "文山会海问题");
        ObjectNode first = task(UUID.randomUUID(), area1, p11, 1, "IN_PROGRESS", "2025-12-31", "强化服务意识");
        ObjectNode middle = task(UUID.randomUUID(), area1, p11, 2, "IN_PROGRESS", "2025-12-31", "误录入的任务");
        ObjectNode third = task(UUID.randomUUID(), area1, p11, 3, "IN_PROGRESS", "2025-12-31", "压缩审批时限");
        ObjectNode ofP12 = task(UUID.randomUUID(), area1, p12, 1, "IN_PROGRESS", "2025-12-31", "误录入问题的任务");
        ObjectNode ofP13 = task(UUID.randomUUID(), area1, p13, 1, "IN_PROGRESS", "2025-12-31", "强化履约监管");
        ObjectNode ofP21 = task(UUID.randomUUID(), area2, p21, 1, "IN_PROGRESS", "2025-12-31", "误录入方面的任务");
        ObjectNode ofP31 = task(UUID.randomUUID(), area3, p31, 1, "IN_PROGRESS", "2025-12-31", "精简会议文件");
        for (ObjectNode task : List.of(first, middle, third, ofP12, ofP13, ofP21, ofP31)) {
            ContractEvents.sendTask("TaskCreated", task, 1);
        }
        draft(plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00"));
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("细化为7项整改任务")));
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201).body("number", equalTo(1));
        String v1 = given().when().get("/reports/" + inspection + "/versions/1.md").then().statusCode(200)
                .extract().asString();
        assertTrue(v1.contains("### （三）作风建设方面") && v1.contains("3.项目监管问题。")
                && v1.contains("三是压缩审批时限。"), v1);
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200).body("notices.size()", equalTo(0));

        ContractEvents.sendTask("TaskCancelled", cancelled(middle), 2);
        ContractEvents.sendTask("TaskCancelled", cancelled(ofP12), 2);
        cancelProblem(p12, area1, 2, "误录入的问题");
        ContractEvents.sendTask("TaskCancelled", cancelled(ofP21), 2);
        cancelProblem(p21, area2, 1, "误录入方面的问题");
        cancelArea(area2, 2, "误录入的方面");

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("细化为4项整改任务")));
        String markdown = given().when().get("/reports/" + inspection + "/preview.md").then().extract().asString();
        assertTrue(markdown.contains("### （一）政治监督方面\n\n1.营商环境问题。一是强化服务意识。按整改方案推进。（整改中，已完成40%）"
                + "二是压缩审批时限。按整改方案推进。（整改中，已完成40%）\n\n"
                + "2.项目监管问题。一是强化履约监管。"), markdown);
        assertTrue(markdown.contains("### （二）作风建设方面\n\n1.文山会海问题。一是精简会议文件。"), markdown);
        for (String gap : List.of("（三）", "3.", "三是")) {
            assertFalse(markdown.contains(gap), gap + " is not in the report: " + markdown);
        }
        String html = given().when().get("/reports/" + inspection + "/preview.html").then().statusCode(200)
                .body(containsString("<h3 id=\"area-" + area1 + "\">（一）政治监督方面</h3>"))
                .body(containsString("<h3 id=\"area-" + area3 + "\">（二）作风建设方面</h3>"))
                .body(containsString("<p id=\"finding-" + p13 + "\">2.项目监管问题。")).body(containsString("二是压缩审批时限。"))
                .body(not(containsString("（三）"))).body(not(containsString("三是"))).extract().asString();
        // the 目录 lists the standing areas in order, each leading to its heading by the area's id; the
        // cancelled area is not in it
        Document preview = Jsoup.parse(html);
        assertEquals(List.of("（一）政治监督方面 2项问题", "（二）作风建设方面 1项问题"),
                preview.select("nav#contents ol ol li").eachText());
        assertEquals(List.of("#area-" + area1, "#area-" + area3), preview.select("nav#contents ol ol a").eachAttr("href"));
        // above them the document's sections, the areas nested under 二
        assertEquals(List.of("一、领导班子履行主体责任情况", "二、巡视整改落实情况", "三、下一步工作打算"),
                preview.select("nav#contents > ol > li > a").eachText());
        assertEquals(2, preview.select("nav#contents > ol > li:nth-child(2) > ol > li").size());
        for (String href : preview.select("nav#contents > ol > li > a").eachAttr("href")) {
            assertEquals(1, preview.select("article > h2" + href).size(), href + " leads to a section's heading");
        }
        for (String href : preview.select("nav#contents ol ol a").eachAttr("href")) {
            assertEquals(1, preview.select("article > h3" + href).size(), href + " leads to an area's heading");
        }
        assertFalse(preview.select("nav#contents").text().contains("误录入"), preview.select("nav#contents").outerHtml());
        // after 一、's opening, before section 一; and each area closes with a way back to it
        assertEquals("nav", preview.select("article > h2").first().previousElementSibling().tagName());
        assertEquals(2, preview.select("article > p.back > a[href=#contents]").size());

        String page = given().when().get("/reports/" + inspection + "/progress.html").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains(">（一）政治监督方面</h2>") && page.contains(">（二）作风建设方面</h2>"), page);
        assertTrue(page.contains(">1．营商环境问题</span>") && page.contains(">2．项目监管问题</span>"), page);
        assertTrue(page.contains("<span class=\"ordinal\">二是</span>压缩审批时限"), page);
        assertFalse(page.contains("（三）") || page.contains("3．") || page.contains("三是"), page);

        // the draft tells the office that the page and the form now number otherwise than version 1, which
        // still may be published over: renumbered first, then what was cancelled (（二）'s problem with it)
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200)
                .body("publishable", equalTo(true)).body("warnings.size()", equalTo(0))
                .body("notices.field", equalTo(List.of("numbering")))
                .body("notices[0].text", equalTo("自第1版公布以来，编号已有变化：（一）1.三是“压缩审批时限”现为（一）1.二是；"
                        + "（一）3.“项目监管问题”现为（一）2.；（三）“作风建设方面”现为（二）等，共6处。"
                        + "公布新版本后，整改进展页面和意见建议表单的编号将与全文一致。"));

        // the version published before keeps its numbers; the next one is rendered with the new ones
        assertEquals(v1, given().when().get("/reports/" + inspection + "/versions/1.md").then().extract().asString());
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201).body("number", equalTo(2));
        given().when().get("/reports/" + inspection + "/versions/2.md").then().statusCode(200)
                .body(equalTo(markdown));
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200).body("notices.size()", equalTo(0));
    }

    private ObjectNode task(UUID id, UUID area, UUID problem, int number, String state, String deadline, String title) {
        return plan.task(id, area, problem, number, state, deadline).put("title", title).put("responsibleUnit", unit);
    }

    private static ObjectNode cancelled(ObjectNode task) {
        ObjectNode copy = task.deepCopy();
        copy.put("version", 2).put("cancelledAt", CANCELLED_AT).putArray("allowedTransitions");
        return copy;
    }

    private void cancelProblem(UUID id, UUID area, int number, String title) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("id", id.toString());
        problem.put("version", 2);
        problem.put("inspectionId", plan.inspectionId.toString());
        problem.put("areaId", area.toString());
        problem.put("number", number);
        problem.put("title", title);
        problem.put("description", title);
        problem.put("source", "PLAN");
        problem.put("percentComplete", 0);
        problem.put("cancelledAt", CANCELLED_AT);
        ContractEvents.send(EventTopics.TASKS, "ProblemCancelled", "Problem", id, 2, Map.of("problem", problem));
    }

    private void cancelArea(UUID id, int number, String title) {
        ContractEvents.send(EventTopics.TASKS, "AreaCancelled", "Area", id, 2, Map.of("area", Map.of(
                "id", id.toString(), "version", 2, "inspectionId", plan.inspectionId.toString(), "number", number,
                "title", title, "percentComplete", 0, "cancelledAt", CANCELLED_AT)));
    }

    private void draft(UUID publication) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("leadershipResponsibility", "党工委坚决扛起巡视整改主体责任。");
        draft.put("nextSteps", "持续巩固整改成果。");
        draft.put("issuer", "中共沈阳高新技术产业开发区工作委员会");
        draft.put("issuedOn", "2025-11-06");
        draft.put("publicationId", publication.toString());
        await().atMost(WAIT).untilAsserted(() -> DraftSaves.save(plan.inspectionId, draft).statusCode(200));
    }

    private static io.restassured.response.Response summary(String inspection) {
        return given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-11-08")
                .when().get("/dashboard/summary").andReturn();
    }

    private static String tasksCsv(String inspection) {
        return new String(given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-11-08")
                .when().get("/exports/tasks.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    private static List<String> todoTitles(String officer) {
        return given().auth().oauth2(officer).when().get("/todos").then().statusCode(200).extract().jsonPath()
                .getList("items.title");
    }
}
