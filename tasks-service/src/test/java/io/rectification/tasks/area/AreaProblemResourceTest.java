package io.rectification.tasks.area;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class AreaProblemResourceTest {

    @Test
    void areasAndProblemsAreNumberedInOrderAndPublished() {
        String inspectionId = Fixtures.inspection();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String first = Fixtures.area(inspectionId, "贯彻落实党中央决策部署和省委要求不到位");
            String second = Fixtures.area(inspectionId, "推进管理机制改革不彻底");
            given().get("/inspections/" + inspectionId + "/areas").then().statusCode(200)
                    .body("items.number", contains(1, 2)).body("items.id", contains(first, second));
            String problemId = Fixtures.problem(second, "深化体制机制改革");
            given().get("/problems/" + problemId).then().statusCode(200)
                    .body("number", equalTo(1)).body("source", equalTo("PLAN"))
                    .body("areaId", equalTo(second)).body("inspectionId", equalTo(inspectionId));
            EventEnvelope area = probe.await(e -> second.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("AreaRegistered", area.type());
            assertEquals(2, area.data().get("area").get("number").asInt());
            EventEnvelope problem = probe.await(e -> problemId.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("ProblemRegistered", problem.type());
            assertEquals("深化体制机制改革", problem.data().get("problem").get("title").asText());
        }
    }

    @Test
    void rewordingNeedsTheCurrentVersion() {
        String areaId = Fixtures.area(Fixtures.inspection(), "落实全面从严治党不到位");
        given().contentType(ContentType.JSON).body(Map.of("title", "新标题")).put("/areas/" + areaId)
                .then().statusCode(428);
        // a version the area never had is no ETag of it (400); one it had before a change is stale (412)
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("title", "新标题"))
                .put("/areas/" + areaId).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "新标题"))
                .put("/areas/" + areaId).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("title", equalTo("新标题"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "又一标题"))
                .put("/areas/" + areaId).then().statusCode(412).body("currentVersion", equalTo(1));
        String problemId = Fixtures.problem(areaId, "强化作风建设");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "强化作风建设(修订)"))
                .put("/problems/" + problemId).then().statusCode(200).body("version", equalTo(1));
        // Every published change of the ledger is audited too, with the state before and after.
        given().get("/audit/Area/" + areaId).then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("AreaRegistered", "AreaUpdated"))
                .body("[1].before", containsString("落实全面从严治党不到位"))
                .body("[1].after", containsString("新标题"));
        given().get("/audit/Problem/" + problemId).then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("ProblemRegistered", "ProblemUpdated"));
        // A type or id that cannot name an entity is refused, not answered with an empty trail.
        given().get("/audit/area/" + areaId).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("entityType"));
        given().get("/audit/Area/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("entityId"));
        // A type this service does not audit is named too (it was an empty list: "never changed").
        given().get("/audit/Nonsense/" + areaId).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("entityType"))
                .body("detail", containsString("not one of Inspection, Area, Problem, Task"));
    }

    @Test
    void theListsOfAnUnknownParentAreNotFoundNotEmpty() {
        String areaId = Fixtures.area(Fixtures.inspection(), "落实全面从严治党不到位");
        given().get("/areas/" + areaId + "/problems").then().statusCode(200).body("total", equalTo(0));
        String unknown = "7d1f9a52-0000-4000-8000-00000000a404";
        given().get("/areas/" + unknown + "/problems").then().statusCode(404).contentType("application/problem+json");
        given().get("/problems/" + unknown + "/tasks").then().statusCode(404).contentType("application/problem+json");
        // a filter is not a parent: no such problem simply matches nothing
        given().get("/tasks?problemId=" + unknown).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputsAreRefused() {
        String inspectionId = Fixtures.inspection();
        given().contentType(ContentType.JSON).body("{}").post("/inspections/" + inspectionId + "/areas")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x".repeat(501)))
                .post("/inspections/" + inspectionId + "/areas").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("title", "方面"))
                .post("/inspections/7d1f9a52-0000-4000-8000-000000000000/areas").then().statusCode(404)
                .contentType("application/problem+json");
        String areaId = Fixtures.area(inspectionId, "方面");
        given().contentType(ContentType.JSON).body("{\"title\":42,\"description\":\"说明\"}")
                .post("/areas/" + areaId + "/problems").then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().queryParam("inspectionId", "abc").get("/problems").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("inspectionId"));
        given().queryParam("source", "RUMOUR").get("/problems").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        given().queryParam("areaId", areaId).queryParam("sort", "secret").get("/problems").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

}
