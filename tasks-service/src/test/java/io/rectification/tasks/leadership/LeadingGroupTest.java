package io.rectification.tasks.leadership;

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
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** 整改工作领导小组 and 第一责任人, as section 一 of the notice describes them. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class LeadingGroupTest {

    static Map<String, Object> notices(String leaderName) {
        return Map.of("firstResponsible", Map.of("position", "党工委书记", "name", leaderName),
                "members", List.of(Map.of("role", "LEADER", "position", "党工委书记", "name", leaderName),
                        Map.of("role", "DEPUTY_LEADER", "position", "管委会主任"),
                        Map.of("role", "DEPUTY_LEADER", "position", "分管日常工作的副主任"),
                        Map.of("role", "MEMBER", "position", "党工委班子成员"),
                        Map.of("role", "MEMBER", "position", "整改牵头区级领导")));
    }

    @Test
    void theGroupIsSetReplacedWithItsVersionAndPublishedByPositionOnly() {
        String inspection = Fixtures.inspection();
        given().get("/inspections/" + inspection + "/leading-group").then().statusCode(404);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String group = given().contentType(ContentType.JSON).body(notices("王某某"))
                    .put("/inspections/" + inspection + "/leading-group").then().statusCode(200)
                    .header("ETag", "\"0\"")
                    .body("firstResponsible.position", equalTo("党工委书记"))
                    .body("members.role", contains("LEADER", "DEPUTY_LEADER", "DEPUTY_LEADER", "MEMBER", "MEMBER"))
                    .extract().path("id");
            // its own subject: the inspection's events count their own versions
            EventEnvelope set = probe.await(e -> group.equals(e.subject()) && e.type().equals("LeadingGroupSet"),
                    Duration.ofSeconds(30));
            assertEquals("LeadingGroup", set.aggregatetype());
            assertEquals(group, set.data().get("leadingGroup").get("id").asText());
            assertEquals(inspection, set.data().get("leadingGroup").get("inspectionId").asText());
            assertEquals("党工委书记", set.data().get("leadingGroup").get("firstResponsiblePosition").asText());
            assertEquals(5, set.data().get("leadingGroup").get("members").size());
            assertFalse(set.data().toString().contains("王某某"), "staff names stay in tasks-service: " + set.data());
        }
        given().get("/inspections/" + inspection + "/leading-group").then().statusCode(200)
                .body("firstResponsible.name", equalTo("王某某")).body("version", equalTo(0));
        // replacing needs the version it is based on
        given().contentType(ContentType.JSON).body(notices("李某某"))
                .put("/inspections/" + inspection + "/leading-group").then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(notices("李某某"))
                .put("/inspections/" + inspection + "/leading-group").then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(notices("李某某"))
                .put("/inspections/" + inspection + "/leading-group").then().statusCode(200)
                .body("version", equalTo(1)).body("firstResponsible.name", equalTo("李某某"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(notices("张某某"))
                .put("/inspections/" + inspection + "/leading-group").then().statusCode(412);
    }

    @Test
    void badGroupsAreRefusedNamingTheField() {
        String inspection = Fixtures.inspection();
        String url = "/inspections/" + inspection + "/leading-group";
        given().contentType(ContentType.JSON).body(Map.of("firstResponsible", Map.of("position", "党工委书记"),
                        "members", List.of(Map.of("role", "MEMBER", "position", "党工委班子成员"))))
                .put(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("members"));
        given().contentType(ContentType.JSON).body(Map.of("firstResponsible", Map.of("position", " "),
                        "members", List.of(Map.of("role", "LEADER", "position", "党工委书记"))))
                .put(url).then().statusCode(400).body("errors[0].field", equalTo("firstResponsible.position"));
        given().contentType(ContentType.JSON).body(Map.of("firstResponsible", Map.of("position", "党工委书记"),
                        "members", List.of(Map.of("role", "CHIEF", "position", "党工委书记"))))
                .put(url).then().statusCode(400);
        given().contentType(ContentType.JSON).body(notices("王某某"))
                .put("/inspections/7d1f9a52-0000-4000-8000-000000000000/leading-group").then().statusCode(404);
    }
}
