package io.rectification.reporting.report;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.ContractEvents;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishedReportFollowsTheNoticeAndLaterChangesMakeANewVersion() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area1 = plan.registerArea(1, "贯彻落实党中央决策部署和省委要求不到位");
        UUID area2 = plan.registerArea(2, "推进管理机制改革不彻底,统筹推动发展不到位");
        UUID problem11 = plan.registerProblem(area1, 1, "深入贯彻落实习近平新时代中国特色社会主义思想和党的二十大精神");
        UUID problem12 = plan.registerProblem(area1, 2, "全力推进实施全面振兴新突破三年行动");
        UUID problem21 = plan.registerProblem(area2, 1, "深化体制机制改革");
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        UUID t3 = UUID.randomUUID();
        UUID t4 = UUID.randomUUID();
        ObjectNode first = plan.task(t1, area1, problem11, 1, "VERIFIED", "2024-12-31")
                .put("title", "深化细化落实到位").put("progressNarrative", "严格落实“第一议题”制度。");
        ContractEvents.sendTask("TaskVerified", first, 4);
        ContractEvents.sendTask("TaskCreated", plan.task(t2, area1, problem11, 2, "IN_PROGRESS", "2025-06-30")
                .put("title", "持续跟进抓好落实").put("progressNarrative", "组建工作专班"), 1);
        ObjectNode withIndicator = plan.task(t3, area1, problem12, 1, "IN_PROGRESS", "2025-06-30")
                .put("title", "提升主导产业招商质量").put("progressNarrative", "深入开展六大招商行动");
        ObjectNode indicator = withIndicator.putArray("indicators").addObject();
        indicator.put("id", UUID.randomUUID().toString()).put("name", "新增亿元以上主导产业项目占比")
                .put("unit", "%").put("baseline", 80).put("targetKind", "ABSOLUTE").put("targetValue", 90)
                .put("direction", "INCREASE").put("latestActual", 92).put("latestSource", "招商台账").put("met", true);
        ContractEvents.sendTask("TaskUpdated", withIndicator, 2);
        ContractEvents.sendTask("TaskCreated", plan.task(t4, area2, problem21, 1, "PLANNED", "2025-06-30")
                .put("title", "优化高新区布局").put("progressNarrative", ""), 1);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String inspection = plan.inspectionId.toString();

        // publishing before the draft exists is refused, naming every missing part
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("leadershipResponsibility", "nextSteps", "publicationId",
                        "issuer", "issuedOn")));

        String draft = """
                {"leadershipResponsibility":"党工委坚决贯彻落实党中央决策部署。\\n成立整改工作领导小组。",
                 "nextSteps":"持续巩固整改成果。","issuer":"中共沈阳高新技术产业开发区工作委员会",
                 "issuedOn":"2025-11-06","publicationId":"%s"}""".formatted(publication);
        // the publication reaches the read model through Kafka; until it has, the draft cannot name it
        await().atMost(WAIT).untilAsserted(() -> given().header("X-Actor", "office-wang").contentType(ContentType.JSON)
                .body(draft).when().put("/reports/" + inspection + "/draft")
                .then().statusCode(200).body("updatedBy", equalTo("office-wang"))
                .body("publicationId", equalTo(publication.toString())));
        // a later publication (another window, no channels) does not change what the draft shows
        UUID later = plan.publish("2026-01-05T00:00:00+08:00", "2026-01-12T23:59:59+08:00", false);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .when().get("/read-models/publications").then().body("id", org.hamcrest.Matchers.hasItem(later.toString())));

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200)
                .body(containsString("主要指标：新增亿元以上主导产业项目占比92%。"))
                .body(containsString("公开期限：2025年11月6日至11月13日"))
                .body(containsString("一是优化高新区布局。"))
                .body(containsString("巡视反馈意见指出的2个方面3项具体问题，细化为4项整改任务，目前已完成销号1项。")));
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200)
                .body("publishable", equalTo(true)).body("disagreements", hasSize(0));

        String markdown = given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        assertTrue(markdown.contains("2024年4月7日至6月20日，省委第七巡视组对沈阳高新技术产业开发区进行了专项巡视。"
                + "2024年8月18日，省委第七巡视组向沈阳高新技术产业开发区反馈了巡视意见。"), markdown);
        assertTrue(markdown.contains("## 一、领导班子履行主体责任情况\n\n党工委坚决贯彻落实党中央决策部署。\n\n成立整改工作领导小组。"),
                markdown);
        assertTrue(markdown.contains("### （一）贯彻落实党中央决策部署和省委要求不到位\n\n"
                + "1.深入贯彻落实习近平新时代中国特色社会主义思想和党的二十大精神。"
                + "一是深化细化落实到位。严格落实“第一议题”制度。二是持续跟进抓好落实。组建工作专班。（整改中，已完成40%）\n\n"
                + "2.全力推进实施全面振兴新突破三年行动。一是提升主导产业招商质量。深入开展六大招商行动。"
                + "主要指标：新增亿元以上主导产业项目占比92%。（整改中，已完成40%）"), markdown);
        // a measure not closed out says where it stands, as the progress page does (one not yet started too)
        assertTrue(markdown.contains("### （二）推进管理机制改革不彻底,统筹推动发展不到位\n\n1.深化体制机制改革。"
                + "一是优化高新区布局。制定落实方案。（未开始）"), markdown);
        assertTrue(markdown.indexOf("## 二、") < markdown.indexOf("## 三、下一步工作打算"), markdown);
        assertTrue(markdown.contains("联系电话：024-83752107（工作日9:00—17:30）"), markdown);
        assertFalse(markdown.contains("2026年1月5日"), markdown);
        assertFalse(markdown.contains(ReportRenderer.WARNINGS_HEADING), markdown);
        assertTrue(markdown.endsWith("<p align=\"right\">2025年11月6日</p>\n"), markdown);
        // internal fields of the plan never reach the public report
        assertFalse(markdown.contains("李处长"), markdown);
        assertFalse(markdown.contains("张副主任"), markdown);
        assertFalse(markdown.contains("经济发展局"), markdown);

        // none published yet: an empty list for an inspection the service knows (a mistyped one is a 404, below)
        given().when().get("/reports/" + inspection + "/versions").then().statusCode(200).body("", hasSize(0));
        String location = DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201)
                .body("number", equalTo(1))
                .header("Location", endsWith("/reports/" + inspection + "/versions/1.html"))
                .extract().header("Location");
        String v1Html = given().when().get(location).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("\">（一）贯彻落实党中央决策部署和省委要求不到位</h3>"))
                .body(not(containsString("<script")))
                .extract().asString();
        String v1Markdown = given().when().get("/reports/" + inspection + "/versions/1.md")
                .then().statusCode(200).extract().asString();
        assertEquals(markdown, v1Markdown);

        // the publication's window and channels edited after version 1 was published: version 1 keeps what it
        // was published with, the next version takes the new ones
        plan.updatePublication(publication, 2, "2025-11-06T00:00:00+08:00", "2025-11-20T23:59:59+08:00", true);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().body(containsString("2025年11月6日至11月20日")));
        given().when().get("/reports/" + inspection + "/versions").then()
                .body("[0].disclosure.from", equalTo("2025-11-06")).body("[0].disclosure.to", equalTo("2025-11-13"))
                .body("[0].disclosure.phone", equalTo("024-83752107"))
                .body("[0].disclosure.email", equalTo("sygxqgwhbgs-hnq@shenyang.gov.cn"));
        // a later event changes the preview and the next version, never version 1
        ContractEvents.sendTask("TaskVerified", plan.task(t4, area2, problem21, 1, "VERIFIED", "2025-06-30")
                .put("title", "优化高新区布局").put("progressNarrative", "已拟定沈阳高新区划定范围方案"), 2);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().body(containsString("一是优化高新区布局。已拟定沈阳高新区划定范围方案。"))
                .body(not(containsString("划定范围方案。（"))));  // closed out: no note of where it stands
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201).body("number", equalTo(2));
        given().when().get("/reports/" + inspection + "/versions/2.html")
                .then().statusCode(200).body(containsString("已拟定沈阳高新区划定范围方案"));
        assertEquals(v1Html, given().when().get(location).then().extract().asString());
        given().when().get("/reports/" + inspection + "/versions")
                .then().statusCode(200).body("", hasSize(2)).body("[1].markdown",
                        equalTo("/reports/" + inspection + "/versions/2.md"))
                .body("[0].publicationId", equalTo(publication.toString())).body("[0].issuedOn", equalTo("2025-11-06"))
                .body("[0].disclosure.to", equalTo("2025-11-13")).body("[1].disclosure.to", equalTo("2025-11-20"))
                // the public list names no staff
                .body(not(containsString("office-wang")));
    }

    @Test
    void badRequestsAreProblems() {
        UUID unknown = UUID.randomUUID();
        given().when().get("/reports/" + unknown + "/preview.html")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/reports/" + unknown + "/versions/1.md")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/reports/" + unknown + "/versions")
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not found"));
        given().when().get("/reports/not-an-id/preview.md")
                .then().statusCode(400).body("errors[0].field", equalTo("inspectionId"));
        given().header("X-Test-Anonymous", "true").contentType(ContentType.JSON).body("{\"nextSteps\":\"x\"}")
                .when().put("/reports/" + unknown + "/draft")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON).body("{\"issuedOn\":\"昨天\"}")
                .when().put("/reports/" + unknown + "/draft")
                .then().statusCode(400).body("errors[0].field", equalTo("issuedOn"));
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON).body("{\"publicationId\":\"最新的\"}")
                .when().put("/reports/" + unknown + "/draft")
                .then().statusCode(400).body("errors[0].field", equalTo("publicationId"));
        // a publication this service does not know for the inspection cannot be named
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON)
                .body("{\"publicationId\":\"" + UUID.randomUUID() + "\"}")
                .when().put("/reports/" + unknown + "/draft")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("publicationId"));
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON).body("{\"includeOtherSources\":\"也许\"}")
                .when().put("/reports/" + unknown + "/draft")
                .then().statusCode(400).body("errors[0].field", equalTo("includeOtherSources"));
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON)
                .body(java.util.Map.of("totalsExplanation", "说".repeat(5001)))
                .when().put("/reports/" + unknown + "/draft")
                .then().statusCode(400).body("errors[0].field", equalTo("totalsExplanation"));
        given().when().get("/reports/" + unknown + "/checks")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
