package io.rectification.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.ServiceProcess;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path, for real: the demo plan (the notice's section 二, declaring 5个方面46项具体问题 and
 * 64项整改任务) is imported into a running tasks-service; the office adds a problem it found itself, a
 * look-back review digs out another, and a public feedback is escalated into a third. Their events
 * travel through Kafka, and this service's published report still shows, in section 二, exactly the
 * notice's 5 areas and 16 items with their measures, figures from the same data, and the other
 * problems only in their own labelled part.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DemoPlanEndToEndTest {

    static final Path DEMO = Path.of("..", "deploy", "demo");
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String NUMERALS = "一二三四五六七八九十";

    @Test
    void demoPlanWithOtherSourcesPublishesTheNoticesSectionTwo() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = (ObjectNode) json.readTree(Files.readString(DEMO.resolve("demo-plan.json")));
        // one inspection per team, organisation and dates, and the tasks database outlives a run
        ((ObjectNode) plan.get("inspection")).put("team", "省委第七巡视组(" + UUID.randomUUID().toString().substring(0, 8) + ")");
        String coordinator = TestTokens.token("整改办", Roles.COORDINATOR);
        String supervisor = TestTokens.token("督查组", Roles.SUPERVISOR);
        String inspectionId;
        int tasksInPlan = 0;
        for (JsonNode area : plan.get("areas")) {
            for (JsonNode problem : area.get("problems")) {
                tasksInPlan += problem.get("tasks").size();
            }
        }
        try (ServiceProcess tasks = ServiceProcess.start("tasks-service", "tasks_e2e_test")) {
            var imported = as(tasks, coordinator).contentType(ContentType.JSON).body(json.writeValueAsString(plan))
                    .when().post("/plans")
                    .then().statusCode(201)
                    .body("areaCount", equalTo(5))
                    .body("problemCount", equalTo(16))
                    .body("taskCount", equalTo(tasksInPlan))
                    .extract().jsonPath();
            inspectionId = imported.getString("inspectionId");
            String firstArea = imported.getString("areas[0].id");
            String firstTask = imported.getString("areas[0].problems[0].tasks[0]");

            // 自查发现： a problem the office found itself, with a task of its own
            String selfFound = as(tasks, coordinator).contentType(ContentType.JSON)
                    .body(Map.of("title", "公务用车管理不规范", "source", "SELF_FOUND"))
                    .when().post("/areas/" + firstArea + "/problems").then().statusCode(201).extract().path("id");
            as(tasks, coordinator).contentType(ContentType.JSON).body("""
                    {"title":"建立公务用车台账","measures":"建立公务用车使用登记台账。","leadOfficial":"管委会副主任",
                     "responsiblePerson":"党政办公室负责人","responsibleUnit":"党政办公室","deadline":"2025-03-31",
                     "kind":"IMMEDIATE"}""").when().post("/problems/" + selfFound + "/tasks").then().statusCode(201);

            // 回头看: the first task is closed out, then a look-back confirms it and digs out a new problem
            as(tasks, coordinator).when().post("/tasks/" + firstTask + "/start").then().statusCode(200);
            as(tasks, coordinator).contentType(ContentType.JSON)
                    .body(Map.of("type", "DOCUMENT", "title", "第一议题学习记录", "reference", "党政办公室学习记录", "date", "2024-10-08"))
                    .when().post("/tasks/" + firstTask + "/evidence").then().statusCode(201);
            as(tasks, coordinator).when().post("/tasks/" + firstTask + "/completion-claim").then().statusCode(200);
            as(tasks, supervisor).when().post("/tasks/" + firstTask + "/verification").then().statusCode(200);
            as(tasks, supervisor).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "CONFIRMED", "newProblem", Map.of("title", "学习制度执行记录不全")))
                    .when().post("/tasks/" + firstTask + "/look-back-reviews").then().statusCode(201);

            // 群众反映： a public feedback escalated without an area (it lands in an area of its own)
            String feedbackId = UUID.randomUUID().toString();
            EventProbe.send(EventTopics.FEEDBACK, feedbackId, """
                    {"specversion":"1.0","id":"%s","source":"/feedback-service","type":"FeedbackEscalated",
                     "subject":"%s","time":"2025-11-10T02:00:00Z","aggregatetype":"Feedback","aggregateversion":3,
                     "data":{"feedback":{"id":"%s","inspectionId":"%s","channel":"PHONE","status":"ESCALATED","anonymous":true},
                             "escalation":{"inspectionId":"%s","areaId":null,"title":"物业收费不透明","description":"来电反映"}}}"""
                    .formatted(UUID.randomUUID(), feedbackId, feedbackId, inspectionId, inspectionId));
            await().atMost(WAIT).untilAsserted(() -> as(tasks, coordinator).queryParam("inspectionId", imported.getString("inspectionId"))
                    .queryParam("source", "FEEDBACK").when().get("/problems").then().body("total", equalTo(1)));

            // The events reach this service through Kafka; the tasks-service process may stop once they have.
            // The plan's tasks are the figures; the 自查发现 problem's task stands beside them.
            await().atMost(WAIT).untilAsserted(() ->
                    given().header("Authorization", "Bearer " + coordinator)
                            .queryParam("inspectionId", imported.getString("inspectionId"))
                            .when().get("/dashboard/summary")
                            .then().statusCode(200).body("tasks", equalTo(imported.getInt("taskCount")))
                            .body("otherSources.source", equalTo(List.of("SELF_FOUND")))
                            .body("otherSources[0].tasks", equalTo(1)));
            // the plan's 14 figures reach the indicator read model as values with their sources
            await().atMost(WAIT).untilAsserted(() ->
                    given().header("Authorization", "Bearer " + coordinator)
                            .queryParam("inspectionId", imported.getString("inspectionId"))
                            .when().get("/dashboard/indicators")
                            .then().statusCode(200).body("size()", equalTo(14))
                            .body("find { it.name == '精简编外人员' }.points[0].value.toInteger()", equalTo(14)));
        }

        ContractEvents events = new ContractEvents(UUID.fromString(inspectionId));
        UUID publication = events.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        ObjectNode draft = (ObjectNode) json.readTree(Files.readString(DEMO.resolve("report-draft.json")));
        draft.put("publicationId", publication.toString()).put("issuedOn", "2025-11-06").put("includeOtherSources", true);
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + coordinator)
                .contentType(ContentType.JSON).body(json.writeValueAsString(draft))
                .when().put("/reports/" + inspectionId + "/draft").then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + coordinator)
                .when().get("/reports/" + inspectionId + "/preview.md").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("“回头看”发现：学习制度执行记录不全")));
        given().header("Authorization", "Bearer " + coordinator).when().get("/reports/" + inspectionId + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true));
        // the coordinator publishes the draft the preview showed (its Draft-ETag), as the console does
        String reviewed = given().header("Authorization", "Bearer " + coordinator)
                .when().get("/reports/" + inspectionId + "/preview.md").then().statusCode(200).extract().header("Draft-ETag");
        given().header("Authorization", "Bearer " + coordinator).header("If-Match", reviewed)
                .when().post("/reports/" + inspectionId + "/versions")
                .then().statusCode(201).body("number", equalTo(1)).body("publicationId", equalTo(publication.toString()));
        String report = given().when().get("/reports/" + inspectionId + "/versions/1.md").then().statusCode(200)
                .extract().asString();

        String sectionTwo = report.substring(report.indexOf("## 二、巡视整改落实情况"),
                report.indexOf("### 巡视反馈意见以外发现问题的整改情况"));
        String others = report.substring(report.indexOf("### 巡视反馈意见以外发现问题的整改情况"), report.indexOf("## 三、"));
        // the figures: the plan's declared totals, the office's explanation, and what the ledger lists
        assertTrue(sectionTwo.contains("巡视反馈意见指出的5个方面46项具体问题，细化为64项整改任务。"
                + draft.get("totalsExplanation").asText()
                + "现将列入整改台账的5个方面16项具体问题、" + tasksInPlan + "项整改任务的落实情况公布如下，目前已完成销号1项。"), sectionTwo);
        // exactly the notice's areas and items, each with its measures in order, and nothing else
        List<String> paragraphs = Arrays.stream(sectionTwo.split("\n\n")).map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("## ") && !p.startsWith("巡视反馈意见指出的")).toList();
        List<String> expectedHeadings = new ArrayList<>();
        int a = 0;
        int paragraph = 0;
        for (JsonNode area : plan.get("areas")) {
            String heading = "### （" + NUMERALS.charAt(a++) + "）" + area.get("title").asText();
            expectedHeadings.add(heading);
            assertEquals(heading, paragraphs.get(paragraph++));
            int p = 1;
            for (JsonNode problem : area.get("problems")) {
                String item = paragraphs.get(paragraph++);
                assertTrue(item.startsWith(p++ + "." + problem.get("title").asText()), item);
                int from = 0;
                int m = 0;
                for (JsonNode task : problem.get("tasks")) {
                    String measure = NUMERALS.charAt(m++) + "是" + task.get("title").asText();
                    int at = item.indexOf(measure, from);
                    assertTrue(at >= 0, "measure in order: " + measure + " in " + item);
                    from = at + measure.length();
                }
                assertFalse(item.contains(NUMERALS.charAt(m) + "是"), "no measure beyond the plan's in " + item);
            }
        }
        assertEquals(paragraph, paragraphs.size(), "section 二 holds the plan's areas and items only:\n" + sectionTwo);
        assertEquals(expectedHeadings, sectionTwo.lines().filter(line -> line.startsWith("### （")).toList());
        // section 一's points are headings of the same level as the areas (the draft's （一）…（五）)
        String sectionOne = report.substring(report.indexOf("## 一、"), report.indexOf("## 二、"));
        assertEquals(5, sectionOne.lines().filter(line -> line.startsWith("### （")).count(), sectionOne);
        for (String other : List.of("公务用车管理不规范", "学习制度执行记录不全", "物业收费不透明", "群众反馈意见建议")) {
            assertFalse(sectionTwo.contains(other), other + " is not the inspection's");
        }
        // the other sources, in their own labelled part
        assertTrue(others.contains("整改中另有自查发现问题1项、“回头看”发现问题1项、群众反映问题1项，不计入巡视反馈意见指出的问题，一并整改。"), others);
        assertTrue(others.contains("自查发现：公务用车管理不规范。一是建立公务用车台账。"), others);
        assertTrue(others.contains("“回头看”发现：学习制度执行记录不全。"), others);
        assertTrue(others.contains("群众反映：物业收费不透明。"), others);
        // section 一 names the declared totals, the closing part the named publication and the signature date
        assertTrue(report.contains("按照反馈意见指出的5个方面46项具体问题，细化为64项整改任务"), report);
        assertTrue(report.contains("公开期限：2025年11月6日至11月13日"), report);
        assertTrue(report.endsWith("<p align=\"right\">2025年11月6日</p>\n"), report);
        given().when().get("/reports/" + inspectionId + "/versions").then().statusCode(200)
                .body("number", hasItem(1)).body("[0].publishedBy", equalTo(null));
    }

    private static RequestSpecification as(ServiceProcess service, String token) {
        return RestAssured.given().baseUri(service.baseUrl()).port(-1).header("Authorization", "Bearer " + token);
    }
}
