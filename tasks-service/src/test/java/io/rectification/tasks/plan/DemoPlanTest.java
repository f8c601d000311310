package io.rectification.tasks.plan;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo plan the local stack loads (deploy/demo/demo-plan.json), checked against the notice's section 二. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DemoPlanTest {

    @Test
    void demoPlanLoadsWithTheNoticesAreasItemsAndMeasures() throws IOException {
        String team = io.rectification.tasks.Fixtures.uniqueTeam();
        String demoPlan = io.rectification.tasks.Fixtures.demoPlan(team);
        String inspectionId;
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            inspectionId = given().contentType(ContentType.JSON).body(demoPlan)
                    .post("/plans").then().statusCode(201)
                    .body("areaCount", equalTo(5)).body("problemCount", equalTo(16)).body("taskCount", equalTo(45))
                    .extract().path("inspectionId");
            // the plan's 14 figures are recorded values, each published like a value recorded later
            String inspection = inspectionId;
            Set<String> recorded = new HashSet<>();
            while (recorded.size() < 14) {
                EventEnvelope value = probe.await(e -> e.type().equals("IndicatorRecorded")
                        && inspection.equals(e.data().get("task").get("inspectionId").asText())
                        && !recorded.contains(e.data().get("indicatorId").asText()), Duration.ofSeconds(30));
                recorded.add(value.data().get("indicatorId").asText());
                assertTrue(value.data().get("source").asText().length() > 0, "each value keeps its source");
            }
        }

        // the plan's own totals are data: 5个方面46项具体问题,细化为64项整改任务, though it lists 16 items and 45 measures
        given().get("/inspections/" + inspectionId).then()
                .body("team", equalTo(team)).body("inspectedOrganisation", equalTo("沈阳高新技术产业开发区"))
                .body("onSiteFrom", equalTo("2024-04-07")).body("feedbackDate", equalTo("2024-08-18"))
                .body("declaredAreas", equalTo(5)).body("declaredProblems", equalTo(46)).body("declaredTasks", equalTo(64));
        // the same plan again is the same inspection: nothing added, nothing duplicated
        given().contentType(ContentType.JSON).body(demoPlan).post("/plans").then().statusCode(200)
                .body("inspectionId", equalTo(inspectionId)).body("added", equalTo(0)).body("unchanged", equalTo(1 + 5 + 16 + 45));
        // a second inspection of the same team, organisation and dates is refused, naming the one that exists
        given().contentType(ContentType.JSON).body(new com.fasterxml.jackson.databind.ObjectMapper().readTree(demoPlan)
                        .get("inspection").toString())
                .post("/inspections").then().statusCode(409)
                .contentType("application/problem+json").body("existingInspectionId", equalTo(inspectionId));
        given().get("/inspections/" + inspectionId + "/areas").then()
                .body("items.number", contains(1, 2, 3, 4, 5))
                .body("items[0].title", equalTo("贯彻落实党中央决策部署和省委要求不到位，推进实施全面振兴新突破三年行动差距较大"))
                .body("items[4].title", equalTo("落实新时代党的组织路线不扎实，党的组织建设存在短板"));
        String firstArea = given().get("/inspections/" + inspectionId + "/areas").then().extract().path("items[0].id");
        given().get("/areas/" + firstArea + "/problems").then()
                .body("items.number", contains(1, 2, 3, 4))
                .body("items[0].title", equalTo("深入贯彻落实习近平新时代中国特色社会主义思想和党的二十大精神"));
        given().queryParam("inspectionId", inspectionId).queryParam("size", 100).get("/problems").then()
                .body("total", equalTo(16))
                .body("items.title", hasItems("做实“管委会+公司”运行机制", "加强廉政风险防控", "从严从实抓好党建工作"));
        given().queryParam("inspectionId", inspectionId).queryParam("size", 100).get("/tasks").then()
                .body("total", equalTo(45))
                .body("items.title", hasItems("全力解决政府失信问题", "积极招聘事业编制人员", "全面推进非公党建工作"));

        List<Object> kinds = given().queryParam("inspectionId", inspectionId).queryParam("size", 100)
                .get("/tasks").then().extract().path("items.indicators.flatten().name");
        given().queryParam("inspectionId", inspectionId).queryParam("size", 100).get("/tasks").then()
                .body("items.indicators.flatten().name", hasItem("新增亿元以上主导产业项目占比"))
                .body("items.indicators.flatten().find { it.name == '精简编外人员' }.latestActual", equalTo(14.0f))
                .body("items.indicators.flatten().find { it.name == '空编率' }.targetKind", equalTo("RELATIVE_PERCENT"))
                .body("items.indicators.flatten().find { it.name == '空编率' }.met", equalTo(true));
        org.junit.jupiter.api.Assertions.assertTrue(kinds.size() >= 12, "figures of the notice as indicators: " + kinds);
    }
}
