package io.rectification.tasks.meeting;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A meeting's minutes (会议纪要) are an internal document: the file is read by the office (整改办), the
 * supervisors (督查) and the officers of the units the meeting gave a decision to, and refused (403) to
 * an officer of any other unit, the feedback handler, the operator and other systems. The meeting, its
 * decisions and the minutes' description stay the shared ledger.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class MinutesReadScopeTest {

    private static final String DECIDED_OFFICER = TestTokens.tokenInUnit("dzb", "党政办公室", "officer");
    private static final String OTHER_DECIDED_OFFICER = TestTokens.tokenInUnit("czj", "财政局", "officer");
    private static final String OTHER_OFFICER = TestTokens.tokenInUnit("zsj", "招商局", "officer");
    private static final String COORDINATOR = TestTokens.token("zhengban", "coordinator");
    private static final String SUPERVISOR = TestTokens.token("ducha", "supervisor");
    private static final String FEEDBACK_HANDLER = TestTokens.token("xinfang", "feedback-handler", "personal-data");
    private static final String ADMIN = TestTokens.token("yunwei", "admin");
    private static final String INTEGRATION = TestTokens.token("integration-demo", "integration");

    @Test
    void theMinutesAreReadByTheOfficeTheSupervisorsAndTheUnitsGivenADecision() {
        String inspection = Fixtures.inspection();
        String meeting = hold(inspection, List.of(decision("党政办公室"), decision("财政局"), decision("党政办公室")));
        String minutes = "/meetings/" + meeting + "/minutes";
        // before anything is attached, another unit's officer learns no more than that they may not read it
        as(OTHER_OFFICER).get(minutes).then().statusCode(403).contentType("application/problem+json");
        as(DECIDED_OFFICER).get(minutes).then().statusCode(404);
        attach(minutes);

        for (String token : List.of(DECIDED_OFFICER, OTHER_DECIDED_OFFICER, COORDINATOR, SUPERVISOR)) {
            assertArrayEquals(MeetingTest.PDF, as(token).get(minutes).then().statusCode(200).contentType("application/pdf")
                    .extract().asByteArray());
        }
        as(OTHER_OFFICER).get(minutes).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("minutes"))
                .body("detail", containsString("this meeting's decisions are for 党政办公室、财政局"));
        for (String token : List.of(FEEDBACK_HANDLER, ADMIN, INTEGRATION)) {
            as(token).get(minutes).then().statusCode(403).contentType("application/problem+json");
        }

        // the shared ledger: the meeting, its decisions and the minutes' description stay readable by all who read
        for (String token : List.of(OTHER_OFFICER, FEEDBACK_HANDLER, ADMIN, INTEGRATION)) {
            as(token).get("/meetings/" + meeting).then().statusCode(200)
                    .body("decisions.responsibleUnit", equalTo(List.of("党政办公室", "财政局", "党政办公室")))
                    .body("minutes.filename", equalTo("调度会纪要.pdf"));
            as(token).get("/inspections/" + inspection + "/meetings").then().statusCode(200)
                    .body("[0].minutes.sha256.size()", equalTo(64));
        }
        // an unknown meeting is still a 404, whoever asks
        as(OTHER_OFFICER).get("/meetings/7d1f9a52-0000-4000-8000-000000000000/minutes").then().statusCode(404);
    }

    @Test
    void theMinutesOfAMeetingThatGaveNoUnitADecisionAreTheOfficesAndTheSupervisors() {
        String meeting = hold(Fixtures.inspection(), List.of());
        String minutes = "/meetings/" + meeting + "/minutes";
        attach(minutes);
        as(DECIDED_OFFICER).get(minutes).then().statusCode(403)
                .body("detail", containsString("this meeting gave no unit a decision"));
        as(COORDINATOR).get(minutes).then().statusCode(200);
        as(SUPERVISOR).get(minutes).then().statusCode(200);
    }

    private static Map<String, Object> decision(String unit) {
        return Map.of("text", "落实" + unit + "整改台账", "responsibleUnit", unit, "dueDate", "2024-10-31");
    }

    private static String hold(String inspection, List<Map<String, Object>> decisions) {
        return as(COORDINATOR).contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH", "heldOn", "2024-09-09",
                        "chair", "管委会主任", "decisions", decisions))
                .post("/inspections/" + inspection + "/meetings").then().statusCode(201).extract().path("id");
    }

    private static void attach(String minutes) {
        as(COORDINATOR).contentType("application/pdf").body(MeetingTest.PDF).queryParam("filename", "调度会纪要.pdf")
                .put(minutes).then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
