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
}
