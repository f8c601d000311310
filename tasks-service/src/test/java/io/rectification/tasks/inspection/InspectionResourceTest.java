package io.rectification.tasks.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class InspectionResourceTest {

    static final String SHENYANG = """
            {"title":"省委第七巡视组专项巡视沈阳高新区","team":"省委第七巡视组",
             "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL",
             "onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20","feedbackDate":"2024-08-18"}""";

    @Test
    void registeredInspectionIsStoredAndPublishedToKafka() {
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String team = io.rectification.tasks.Fixtures.uniqueTeam();
            String id = given().header("X-Actor", "整改办").contentType(ContentType.JSON)
                    .body(SHENYANG.replace("\"省委第七巡视组\"", "\"" + team + "\""))
                    .when().post("/inspections")
                    .then().statusCode(201)
                    .header("Location", containsString("/inspections/"))
                    .header("ETag", notNullValue())
                    .body("team", equalTo(team))
                    .extract().path("id");

            given().header("X-Actor", "整改办").when().get("/inspections/" + id)
                    .then().statusCode(200)
                    .body("onSiteTo", equalTo("2024-06-20"))
                    .body("kind", equalTo("SPECIAL"));

            given().header("X-Actor", "整改办").queryParam("size", 500).when().get("/inspections")
                    .then().statusCode(200)
                    .body("total", greaterThanOrEqualTo(1))
                    .body("items.id", hasItem(id));

            EventEnvelope event = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("InspectionRegistered", event.type());
            assertEquals("1.0", event.specversion());
            assertEquals("/tasks-service", event.source());
            assertEquals("沈阳高新技术产业开发区", event.data().get("inspectedOrganisation").asText());
        }
    }

    @Test
    void missingFieldIsNamedInProblemJson() {
        given().header("X-Actor", "整改办").contentType(ContentType.JSON).body("{\"title\":\"x\"}")
                .when().post("/inspections")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("team"))
                .body("errors.field", hasItem("onSiteFrom"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        given().header("X-Actor", "整改办").contentType(ContentType.JSON).body(SHENYANG.replace("SPECIAL", "SECRET"))
                .when().post("/inspections")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("REGULAR, SPECIAL, FLEXIBLE"));
    }

    @Test
    void wrongTypeAndMalformedJsonAreRefused() {
        given().header("X-Actor", "整改办").contentType(ContentType.JSON).body(SHENYANG.replace("\"2024-04-07\"", "42.5x"))
                .when().post("/inspections")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("X-Actor", "整改办").contentType(ContentType.JSON).body(SHENYANG.replace("2024-04-07", "April 7th"))
                .when().post("/inspections")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("onSiteFrom"));
    }

    @Test
    void overLongFieldIsRefused() {
        given().header("X-Actor", "整改办").contentType(ContentType.JSON).body(SHENYANG.replace("省委第七巡视组\",", "x".repeat(201) + "\","))
                .when().post("/inspections")
                .then().statusCode(400)
                .body("errors.field", hasItem("team"));
    }

    @Test
    void periodEndingBeforeItStartsIsRefused() {
        given().header("X-Actor", "整改办").contentType(ContentType.JSON).body(SHENYANG.replace("2024-06-20", "2024-01-01"))
                .when().post("/inspections")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("onSiteTo"));
    }

    @Test
    void unknownInspectionIsProblem404() {
        given().header("X-Actor", "整改办").when().get("/inspections/7d1f9a52-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        // a malformed id is the caller's mistake, named, as in every service
        given().header("X-Actor", "整改办").when().get("/inspections/not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }
}
