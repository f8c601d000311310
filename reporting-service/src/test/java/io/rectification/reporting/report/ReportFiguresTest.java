package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 二 counts and lists the inspection's findings only; problems from other sources appear only
 * in their own labelled part when the draft asks; figures that disagree stop publication (409) and
 * show in the preview.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportFiguresTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void otherSourcesStayOutOfTheInspectionsPartAndItsCounts() {
        Ledger ledger = new Ledger();
        String inspection = ledger.plan.inspectionId.toString();
        ledger.draft(Map.of());

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200)
                .body(containsString("巡视反馈意见指出的2个方面3项具体问题，细化为4项整改任务，目前已完成销号1项。"))
                .body(containsString("主要指标：发文总量同比下降45%；空编率下降10%。"))
                .body(not(containsString("（三）")))
                .body(not(containsString("公务用车"))).body(not(containsString("回头看发现")))
                .body(not(containsString("履约监管同样缺位")))
                .body(not(containsString("群众反映"))));

        ledger.draft(Map.of("includeOtherSources", true));
        String markdown = given().when().get("/reports/" + inspection + "/preview.md").then().statusCode(200)
                .extract().asString();
        String sectionTwo = markdown.substring(markdown.indexOf("## 二、"), markdown.indexOf("### 巡视反馈意见以外发现问题的整改情况"));
        assertTrue(sectionTwo.contains("巡视反馈意见指出的2个方面3项具体问题，细化为4项整改任务，目前已完成销号1项。"), sectionTwo);
        assertFalse(sectionTwo.contains("公务用车") || sectionTwo.contains("招商承诺") || sectionTwo.contains("物业收费"), sectionTwo);
        assertEquals(2, markdown.lines().filter(line -> line.startsWith("### （")).count(), markdown);
        String others = markdown.substring(markdown.indexOf("### 巡视反馈意见以外发现问题的整改情况"), markdown.indexOf("## 三、"));
        assertTrue(others.contains("整改中另有举一反三发现问题1项、自查发现问题1项、“回头看”发现问题1项、群众反映问题1项，"
                + "不计入巡视反馈意见指出的问题，一并整改。"), others);
        assertTrue(others.contains("举一反三发现（由“强化重大项目监管”延伸）：园区重大项目履约监管同样缺位。"), others);
        assertTrue(others.contains("自查发现：公务用车管理不规范。一是建立公务用车台账。"), others);
        assertTrue(others.contains("“回头看”发现：招商承诺兑现不及时。"), others);
        assertTrue(others.contains("群众反映：物业收费不透明。"), others);
    }

    @Test
    void figuresThatDisagreeStopPublicationAndShowInThePreview() {
        Ledger ledger = new Ledger();
        String inspection = ledger.plan.inspectionId.toString();
        // the plan declares more than the ledger lists (as the notice: 46 declared, 16 listed), unexplained,
        // and section 一 names areas the plan does not declare
        ledger.plan.declareTotals(2, 2, 5, 6);
        ledger.draft(Map.of("leadershipResponsibility", "按照反馈意见指出的3个方面5项具体问题,细化为6项整改任务,逐条逐项明确责任。"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().statusCode(200).body("publishable", equalTo(false)).body("incomplete", hasSize(0))
                .body("disagreements.field", equalTo(List.of("totalsExplanation", "totalsExplanation", "leadershipResponsibility"))));
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Report checks failed"))
                .body("errors.field", equalTo(List.of("totalsExplanation", "totalsExplanation", "leadershipResponsibility")))
                .body("errors[0].message", containsString("declares 5项具体问题 but the report lists 3"))
                .body("errors[1].message", containsString("declares 6项整改任务 but the report lists 4"))
                .body("errors[2].message", containsString("names 3个方面 but section 二 states 2个方面"));
        // the clerk reads them in Chinese: in the checks' warnings and under the preview's title, never the API's English
        given().when().get("/reports/" + inspection + "/checks").then()
                .body("warnings.field", equalTo(List.of("totalsExplanation", "totalsExplanation", "leadershipResponsibility")))
                .body("warnings.text", equalTo(List.of(
                        "方案声明5项具体问题，报告只列出3项具体问题：请在“总数说明”中说明原因，或更正声明总数。",
                        "方案声明6项整改任务，报告只列出4项整改任务：请在“总数说明”中说明原因，或更正声明总数。",
                        "第一部分写的是3个方面，第二部分统计为2个方面。")));
        given().when().get("/reports/" + inspection + "/preview.html").then().statusCode(200)
                .body(containsString("<aside class=\"warnings\" role=\"alert\">"))
                .body(containsString("<p>预览提示（公布前须处理）：</p>"))
                .body(containsString("<li data-field=\"leadershipResponsibility\">第一部分写的是3个方面，第二部分统计为2个方面。</li>"))
                .body(not(containsString("section 二"))).body(not(containsString("declares")))
                .body(containsString("巡视反馈意见指出的2个方面5项具体问题，细化为6项整改任务。"));
        given().when().get("/reports/" + inspection + "/preview.md").then()
                .body(containsString("> " + ReportRenderer.WARNINGS_HEADING));

        // an explanation naming figures that are neither declared nor listed is itself a disagreement
        ledger.draft(Map.of("leadershipResponsibility", "按照反馈意见指出的2个方面5项具体问题,细化为6项整改任务,逐条逐项明确责任。",
                "totalsExplanation", "其余7项整改任务涉密,不予公开"));
        given().when().get("/reports/" + inspection + "/checks").then()
                .body("disagreements.field", equalTo(List.of("totalsExplanation")))
                .body("disagreements[0].message", containsString("names 7项整改任务"));

        // explained, and section 一 naming the declared totals: published, both figures from the data
        ledger.draft(Map.of("leadershipResponsibility", "按照反馈意见指出的2个方面5项具体问题,细化为6项整改任务,逐条逐项明确责任。",
                "totalsExplanation", "其余问题已在巡视反馈后即知即改,按要求不再逐项公布"));
        given().when().get("/reports/" + inspection + "/checks").then().body("publishable", equalTo(true));
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201);
        String published = given().when().get("/reports/" + inspection + "/versions/1.md").then().statusCode(200)
                .extract().asString();
        assertTrue(published.contains("巡视反馈意见指出的2个方面5项具体问题，细化为6项整改任务。其余问题已在巡视反馈后即知即改,"
                + "按要求不再逐项公布。现将列入整改台账的2个方面3项具体问题、4项整改任务的落实情况公布如下，目前已完成销号1项。"), published);
        assertFalse(published.contains(ReportRenderer.WARNINGS_HEADING), published);

        // declaring fewer than the ledger holds cannot be explained away
        ledger.plan.declareTotals(3, 2, 2, 6);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().body("disagreements.field", hasItem("inspection.declaredProblems")));
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(409).body("errors.field", hasItem("inspection.declaredProblems"));
        // version 1 stays as it was
        assertEquals(published, given().when().get("/reports/" + inspection + "/versions/1.md").then().extract().asString());
    }

    /**
     * Two areas, three of the inspection's problems with four tasks (one verified), and one problem of
     * each other source: self-found in area 1, look-back in area 2, public feedback in an area of its own.
     */
    static final class Ledger {
        final ContractEvents plan = new ContractEvents();
        final UUID publication;

        Ledger() {
            plan.registerInspection();
            UUID area1 = plan.registerArea(1, "贯彻落实党中央决策部署和省委要求不到位");
            UUID area2 = plan.registerArea(2, "推进管理机制改革不彻底,统筹推动发展不到位");
            UUID p11 = plan.registerProblem(area1, 1, "做好优化营商环境重点工作");
            UUID p12 = plan.registerProblem(area1, 2, "强化重大项目监管");
            UUID p21 = plan.registerProblem(area2, 1, "深化体制机制改革");
            UUID selfFound = plan.registerProblem(area1, 3, "公务用车管理不规范", "SELF_FOUND");
            UUID lookBack = plan.registerProblem(area2, 2, "招商承诺兑现不及时", "LOOK_BACK");
            plan.registerProblemExtending(area1, 4, "园区重大项目履约监管同样缺位", p12);
            UUID feedbackArea = plan.registerArea(3, "群众反馈意见建议");
            UUID feedback = plan.registerProblem(feedbackArea, 1, "物业收费不透明", "FEEDBACK");
            ObjectNode served = plan.task(UUID.randomUUID(), area1, p11, 1, "VERIFIED", "2024-12-31")
                    .put("title", "强化服务意识").put("progressNarrative", "组建企业管家团队。");
            // a change published without a baseline (the value is the change), and one from a baseline (30 → 27)
            served.putArray("indicators").add(indicator("发文总量同比", null, "-45")).add(indicator("空编率", "30", "27"));
            ContractEvents.sendTask("TaskVerified", served, 4);
            ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area1, p11, 2, "PLANNED", "2025-06-30"), 1);
            ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area1, p12, 1, "PLANNED", "2025-06-30"), 1);
            ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, p21, 1, "PLANNED", "2025-06-30"), 1);
            // tasks of other sources, one verified: neither counts as the inspection's
            ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area1, selfFound, 1, "VERIFIED", "2025-03-31")
                    .put("title", "建立公务用车台账").put("progressNarrative", ""), 4);
            ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, lookBack, 1, "PLANNED", "2025-06-30"), 1);
            ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), feedbackArea, feedback, 1, "PLANNED", "2025-06-30"), 1);
            publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        }

        private static ObjectNode indicator(String name, String baseline, String actual) {
            ObjectNode indicator = JsonNodeFactory.instance.objectNode().put("id", UUID.randomUUID().toString())
                    .put("name", name).put("unit", "%").put("targetKind", "RELATIVE_PERCENT").put("targetValue", 10)
                    .put("direction", "DECREASE").put("latestActual", new java.math.BigDecimal(actual))
                    .put("latestSource", "整改情况公布").put("met", true);
            return baseline == null ? indicator.putNull("baseline") : indicator.put("baseline", new java.math.BigDecimal(baseline));
        }

        /** Saves a complete draft (once the publication has arrived), with {@code changes} over the defaults. */
        void draft(Map<String, Object> changes) {
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("leadershipResponsibility", "党工委坚决扛起巡视整改主体责任。");
            draft.put("nextSteps", "持续巩固整改成果。");
            draft.put("issuer", "中共沈阳高新技术产业开发区工作委员会");
            draft.put("issuedOn", "2025-11-06");
            draft.put("publicationId", publication.toString());
            draft.putAll(changes);
            await().atMost(WAIT).untilAsserted(() -> DraftSaves.save(plan.inspectionId, draft).statusCode(200));
        }
    }
}
