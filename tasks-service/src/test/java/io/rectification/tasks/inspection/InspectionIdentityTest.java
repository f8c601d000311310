package io.rectification.tasks.inspection;

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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One inspection per team, organisation and on-site period; the plan's declared totals as data. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class InspectionIdentityTest {

    static String inspection(String team, String onSiteTo, String declared) {
        return """
                {"title":"省委第七巡视组专项巡视沈阳高新区","team":"%s","inspectedOrganisation":"沈阳高新技术产业开发区",
                 "kind":"SPECIAL","onSiteFrom":"2024-04-07","onSiteTo":"%s","feedbackDate":"2024-08-18"%s}"""
                .formatted(team, onSiteTo, declared.isEmpty() ? "" : "," + declared);
    }

    @Test
    void aSecondInspectionOfTheSameTeamOrganisationAndDatesIsRefusedNamingTheFirst() {
        String team = Fixtures.uniqueTeam();
        String first = given().contentType(ContentType.JSON).body(inspection(team, "2024-06-20", ""))
                .post("/inspections").then().statusCode(201).extract().path("id");
        // the same with other spacing around the names is the same inspection
        given().contentType(ContentType.JSON).body(inspection(" " + team + " ", "2024-06-20", "").replace("\"title\":\"", "\"title\":\"另一标题"))
                .post("/inspections").then().statusCode(409).contentType("application/problem+json")
                .body("existingInspectionId", equalTo(first)).body("detail", containsString(first));
        // another on-site period is another inspection
        String second = given().contentType(ContentType.JSON).body(inspection(team, "2024-06-21", ""))
                .post("/inspections").then().statusCode(201).extract().path("id");
        // correcting the second into the first is refused too; correcting it in place is not
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(inspection(team, "2024-06-20", ""))
                .put("/inspections/" + second).then().statusCode(409).body("existingInspectionId", equalTo(first));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(inspection(team, "2024-06-21", "\"declaredTasks\":3"))
                .put("/inspections/" + second).then().statusCode(200).body("declaredTasks", equalTo(3));
    }

    @Test
    void declaredTotalsAreStoredAndPublished() {
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String id = given().contentType(ContentType.JSON)
                    .body(inspection(Fixtures.uniqueTeam(), "2024-06-20",
                            "\"declaredAreas\":5,\"declaredProblems\":46,\"declaredTasks\":64"))
                    .post("/inspections").then().statusCode(201)
                    .body("declaredAreas", equalTo(5)).body("declaredProblems", equalTo(46)).body("declaredTasks", equalTo(64))
                    .extract().path("id");
            EventEnvelope registered = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals(46, registered.data().get("declaredProblems").asInt());
            assertEquals(64, registered.data().get("declaredTasks").asInt());
            // a plan that states no totals leaves them empty
            given().contentType(ContentType.JSON).body(inspection(Fixtures.uniqueTeam(), "2024-06-20", ""))
                    .post("/inspections").then().statusCode(201).body("declaredProblems", nullValue());
        }
    }

    @Test
    void badDeclaredTotalsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(inspection(Fixtures.uniqueTeam(), "2024-06-20", "\"declaredProblems\":0"))
                .post("/inspections").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("declaredProblems"));
        given().contentType(ContentType.JSON).body(inspection(Fixtures.uniqueTeam(), "2024-06-20", "\"declaredTasks\":-4"))
                .post("/inspections").then().statusCode(400).body("errors.field", hasItem("declaredTasks"));
        given().contentType(ContentType.JSON).body(inspection(Fixtures.uniqueTeam(), "2024-06-20", "\"declaredAreas\":\"五\""))
                .post("/inspections").then().statusCode(400).body("errors[0].field", equalTo("declaredAreas"));
        given().contentType(ContentType.JSON).body(inspection(Fixtures.uniqueTeam(), "2024-06-20", "\"declaredAreas\":10001"))
                .post("/inspections").then().statusCode(400).body("errors.field", hasItem("declaredAreas"));
    }

    @Test
    void staffRegisterSelfFoundProblemsButNotLookBackOrFeedbackOnes() {
        String area = Fixtures.area(Fixtures.inspection(), "落实全面从严治党不到位");
        given().contentType(ContentType.JSON).body("{\"title\":\"强化作风建设\"}")
                .post("/areas/" + area + "/problems").then().statusCode(201).body("source", equalTo("PLAN"));
        String selfFound = given().contentType(ContentType.JSON).body("{\"title\":\"自查发现:公务用车管理不规范\",\"source\":\"SELF_FOUND\"}")
                .post("/areas/" + area + "/problems").then().statusCode(201)
                .body("source", equalTo("SELF_FOUND")).body("number", equalTo(2)).extract().path("id");
        given().queryParam("areaId", area).queryParam("source", "SELF_FOUND").get("/problems").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(selfFound));
        given().contentType(ContentType.JSON).body("{\"title\":\"回头看发现\",\"source\":\"LOOK_BACK\"}")
                .post("/areas/" + area + "/problems").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("source"));
        given().contentType(ContentType.JSON).body("{\"title\":\"群众反映\",\"source\":\"FEEDBACK\"}")
                .post("/areas/" + area + "/problems").then().statusCode(400).body("errors[0].field", equalTo("source"));
        given().contentType(ContentType.JSON).body("{\"title\":\"x\",\"source\":\"RUMOUR\"}")
                .post("/areas/" + area + "/problems").then().statusCode(400).body("errors[0].field", equalTo("source"));
    }
}
