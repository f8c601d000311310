package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who decides what (docs/security.md, "Roles"), with the demo realm's people as the tokens carry
 * them: the operator (运维, admin) runs the system but closes out, rejects, claims or edits nothing;
 * the feedback handler (来信来电) reads the plan to link feedback to it and changes nothing of it.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class SeparationOfDutiesTest {

    private static final String ADMIN = TestTokens.token("yunwei", "admin");
    private static final String SUPERVISOR = TestTokens.token("ducha", "supervisor");
    private static final String OFFICER = TestTokens.tokenInUnit("li.ke", "财政金融局", "officer");
    private static final String FEEDBACK_HANDLER = TestTokens.token("xinfang", "feedback-handler", "personal-data");

    @Test
    void theOperatorCannotCloseOutRejectClaimOrEditATaskButReadsIt() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("规范涉企收费", "2024-12-31", "TIME_BOUND", ""));
        as(OFFICER).post("/tasks/" + taskId + "/start").then().statusCode(200);
        as(OFFICER).contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE)
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        as(ADMIN).post("/tasks/" + taskId + "/completion-claim").then().statusCode(403).contentType("application/problem+json");
        as(OFFICER).post("/tasks/" + taskId + "/completion-claim").then().statusCode(200)
                .body("state", equalTo("COMPLETION_CLAIMED"));

        as(ADMIN).contentType(ContentType.JSON).body(Map.of("note", "运维代为销号"))
                .post("/tasks/" + taskId + "/verification").then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "运维退回"))
                .post("/tasks/" + taskId + "/completion-rejection").then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).header("If-Match", "\"0\"").contentType("application/merge-patch+json").body("{\"deadline\":\"2025-06-30\"}")
                .patch("/tasks/" + taskId).then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).get("/tasks/" + taskId).then().statusCode(200).body("state", equalTo("COMPLETION_CLAIMED"))
                .body("deadline", equalTo("2024-12-31"));
        as(ADMIN).get("/tasks/" + taskId + "/audit").then().statusCode(200);
        as(ADMIN).get("/audit/verify").then().statusCode(200);

        // the claim is still the supervisor's to decide
        as(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("note", "已核实"))
                .post("/tasks/" + taskId + "/verification").then().statusCode(200).body("state", equalTo("VERIFIED"));
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("outcome", "REOPENED", "reason", "运维回头看"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theOperatorImportsNoPlanAndRecordsNoAccountability() throws Exception {
        as(ADMIN).contentType(ContentType.JSON).body(Fixtures.demoPlan(Fixtures.uniqueTeam()))
                .post("/plans").then().statusCode(403).contentType("application/problem+json");
        String inspectionId = Fixtures.inspection();
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("title", "运维登记的问题方面"))
                .post("/inspections/" + inspectionId + "/areas").then().statusCode(403);
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 1, "decidedOn", "2024-10-08",
                        "source", "区纪委监委通报(2024)12号"))
                .post("/inspections/" + inspectionId + "/accountability/outcomes").then().statusCode(403);
        as(ADMIN).get("/inspections/" + inspectionId + "/accountability").then().statusCode(200)
                .body("outcomes", org.hamcrest.Matchers.empty());
        as(ADMIN).get("/inspections/" + inspectionId + "/areas").then().statusCode(200);
    }

    @Test
    void theFeedbackHandlerReadsThePlanAndItsProgressButChangesNothingOfIt() {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("规范窗口服务", "2024-12-31", "TIME_BOUND", ""));
        String inspectionId = as(FEEDBACK_HANDLER).get("/tasks/" + taskId).then().statusCode(200)
                .body("state", equalTo("PLANNED")).extract().path("inspectionId");
        as(FEEDBACK_HANDLER).get("/inspections/" + inspectionId + "/areas").then().statusCode(200);
        as(FEEDBACK_HANDLER).get("/problems/" + problemId + "/tasks").then().statusCode(200).body("total", equalTo(1));
        as(FEEDBACK_HANDLER).queryParam("inspectionId", inspectionId).get("/tasks").then().statusCode(200)
                .body("total", equalTo(1));
        as(FEEDBACK_HANDLER).get("/tasks/" + taskId + "/progress-reports").then().statusCode(200);

        as(FEEDBACK_HANDLER).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"deadline\":\"2026-12-31\"}").patch("/tasks/" + taskId)
                .then().statusCode(403).contentType("application/problem+json");
        as(FEEDBACK_HANDLER).post("/tasks/" + taskId + "/start").then().statusCode(403).contentType("application/problem+json");
        as(FEEDBACK_HANDLER).contentType(ContentType.JSON).body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07",
                        "periodEnd", "2024-10-13", "text", "代为报送", "percentComplete", 10))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(403);
        as(FEEDBACK_HANDLER).post("/tasks/" + taskId + "/completion-claim").then().statusCode(403);
        as(FEEDBACK_HANDLER).contentType(ContentType.JSON)
                .body(Fixtures.taskJson("来信来电新增的任务", "2024-12-31", "TIME_BOUND", ""))
                .post("/problems/" + problemId + "/tasks").then().statusCode(403);
        as(FEEDBACK_HANDLER).get("/tasks/" + taskId).then().statusCode(200).body("state", equalTo("PLANNED"))
                .body("deadline", equalTo("2024-12-31"));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
