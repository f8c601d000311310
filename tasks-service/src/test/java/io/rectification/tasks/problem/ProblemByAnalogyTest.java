package io.rectification.tasks.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 举一反三: a problem found by extending an inspection finding, kept with the finding it extends. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ProblemByAnalogyTest {

    @Test
    void aProblemFoundByAnalogyNamesTheFindingItExtends() {
        String inspection = Fixtures.inspection();
        String area = Fixtures.area(inspection, "落实全面从严治党不到位");
        String finding = Fixtures.problem(area, "强化重大项目监管");
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String analogy = given().contentType(ContentType.JSON)
                    .body(Map.of("title", "园区重大项目履约监管同样缺位", "source", "ANALOGY", "extendsProblemId", finding))
                    .post("/areas/" + area + "/problems").then().statusCode(201)
                    .body("source", equalTo("ANALOGY")).body("extendsProblemId", equalTo(finding))
                    .extract().path("id");
            EventEnvelope registered = probe.await(e -> analogy.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("ANALOGY", registered.data().get("problem").get("source").asText());
            assertEquals(finding, registered.data().get("problem").get("extendsProblemId").asText());
            given().get("/problems/" + analogy).then().statusCode(200).body("extendsProblemId", equalTo(finding));
            given().queryParam("areaId", area).queryParam("source", "ANALOGY").get("/problems").then()
                    .body("total", equalTo(1)).body("items[0].id", equalTo(analogy));
            given().get("/problems/" + finding).then().body("extendsProblemId", nullValue());
        }
    }

    @Test
    void theExtendedFindingIsRequiredAndMustBeAFindingOfTheSameInspection() {
        String area = Fixtures.area(Fixtures.inspection(), "落实全面从严治党不到位");
        String finding = Fixtures.problem(area, "强化重大项目监管");
        given().contentType(ContentType.JSON).body(Map.of("title", "举一反三", "source", "ANALOGY"))
                .post("/areas/" + area + "/problems").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("extendsProblemId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "自查发现", "source", "SELF_FOUND", "extendsProblemId", finding))
                .post("/areas/" + area + "/problems").then().statusCode(400).body("errors[0].field", equalTo("extendsProblemId"));
        String selfFound = given().contentType(ContentType.JSON).body(Map.of("title", "自查发现", "source", "SELF_FOUND"))
                .post("/areas/" + area + "/problems").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "延伸自自查问题", "source", "ANALOGY", "extendsProblemId", selfFound))
                .post("/areas/" + area + "/problems").then().statusCode(400).body("errors[0].field", equalTo("extendsProblemId"));
        String otherArea = Fixtures.area(Fixtures.inspection(), "另一次巡视的方面");
        String otherFinding = Fixtures.problem(otherArea, "另一次巡视的问题");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "跨巡视延伸", "source", "ANALOGY", "extendsProblemId", otherFinding))
                .post("/areas/" + area + "/problems").then().statusCode(400).body("errors[0].field", equalTo("extendsProblemId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "无此问题", "source", "ANALOGY", "extendsProblemId", "不是UUID"))
                .post("/areas/" + area + "/problems").then().statusCode(400).body("errors[0].field", equalTo("extendsProblemId"));
    }

    /**
     * 举一反三 rolled up together: the finding lists the problems extending it to other units, and the
     * progress of every unit's tasks, the finding's and the extensions', each unit once and all together.
     */
    @Test
    void aFindingListsItsExtensionsWithEachUnitsProgressRolledUp() {
        String inspection = Fixtures.inspection();
        String area = Fixtures.area(inspection, "落实全面从严治党不到位");
        String finding = Fixtures.problem(area, "强化重大项目监管");
        String own = Fixtures.task(finding, Fixtures.taskJson("完善重大项目监管制度", "2024-12-31", "TIME_BOUND", ""));
        String otherArea = Fixtures.area(inspection, "园区建设方面");
        String extension = given().contentType(ContentType.JSON)
                .body(Map.of("title", "园区重大项目履约监管同样缺位", "source", "ANALOGY", "extendsProblemId", finding))
                .post("/areas/" + otherArea + "/problems").then().statusCode(201).extract().path("id");
        String park = Fixtures.task(extension, Fixtures.taskJson("排查园区项目履约", "2024-12-31", "TIME_BOUND", "")
                .replace("财政金融局", "园区管理办公室"));
        String investment = Fixtures.task(extension, Fixtures.taskJson("排查招商项目履约", "2024-12-31", "TIME_BOUND", "")
                .replace("财政金融局", "招商局"));
        report(own, 80);
        report(park, 40);
        report(investment, 0);
        // 招商局 closes its task out (销号): counted as closed out, and its percent is the verifier's 100
        given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "招商项目履约排查台账", "reference", "招商局履约排查台账", "date", "2024-10-20"))
                .post("/tasks/" + investment + "/evidence").then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + investment + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + investment + "/verification").then().statusCode(200);

        given().get("/problems/" + finding + "/extensions").then().statusCode(200)
                .body("problemId", equalTo(finding))
                .body("extensions.id", contains(extension)).body("extensions[0].areaId", equalTo(otherArea))
                .body("extensions[0].title", equalTo("园区重大项目履约监管同样缺位"))
                .body("extensions[0].percentComplete", equalTo(70)).body("extensions[0].taskCount", equalTo(2))
                // every unit once, the finding's own tasks with the extensions'
                .body("units.responsibleUnit", contains("园区管理办公室", "招商局", "财政金融局"))
                .body("units.percentComplete", contains(40, 100, 80)).body("units.taskCount", contains(1, 1, 1))
                .body("units.closedOut", contains(0, 1, 0))
                .body("taskCount", equalTo(3)).body("percentComplete", equalTo(73));
        // an extension has none of its own; an unknown problem, or no id, is 404
        given().get("/problems/" + extension + "/extensions").then().statusCode(200)
                .body("extensions", hasSize(0)).body("taskCount", equalTo(2));
        given().get("/problems/7d1f9a52-0000-4000-8000-000000000000/extensions").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/problems/not-a-uuid/extensions").then().statusCode(400).contentType("application/problem+json");
    }

    private static void report(String taskId, int percent) {
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                        "text", "整改推进中", "percentComplete", percent))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
    }
}
