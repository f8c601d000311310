package io.rectification.feedback.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.ServiceProcess;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rectification.platform.testing.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

/**
 * The escalation path for real: a running tasks-service (its own jar and database), a feedback
 * escalated here, FeedbackEscalated through Kafka, and tasks-service registering it as a new
 * problem (再深挖) of the inspection, with no personal data carried over; and the way back: the
 * inspection reaches feedback-service's read model, the problem links the feedback.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EscalationEndToEndTest {

    @Test
    void anEscalatedFeedbackBecomesANewProblemInTasksService() throws Exception {
        String coordinator = TestTokens.token("整改办", Roles.COORDINATOR);
        try (ServiceProcess tasks = ServiceProcess.start("tasks-service", "tasks_e2e_feedback_test")) {
            // tasks-service refuses a second inspection of one team, organisation and dates; its database outlives a run
            String inspection = tasksApi(tasks, coordinator).body("""
                            {"title":"省委第七巡视组专项巡视沈阳高新区","team":"省委第七巡视组(%s)",
                             "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL",
                             "onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20","feedbackDate":"2024-08-18"}"""
                            .formatted(UUID.randomUUID().toString().substring(0, 8)))
                    .when().post("/inspections").then().statusCode(201).extract().path("id");
            LocalDateTime now = AdjustableClock.current().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
            // feedback-service learns of the inspection from tasks-service's InspectionRegistered on Kafka
            // (nothing here announces it): until then a publication for it is 422
            String json = Publications.json(UUID.fromString(inspection), now.minusHours(1), now.plusHours(1), null);
            String[] created = new String[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                var answer = given().contentType(ContentType.JSON).body(json).when().post("/publications").then().extract();
                created[0] = answer.statusCode() == 201 ? answer.path("id") : null;
                return answer.statusCode() != 422;
            });
            String publication = created[0];
            String feedback = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                            {"publicationId":"%s","channel":"PHONE","receivedOn":"%s",
                             "text":"来电反映征收补偿款未按期兑付。","name":"欧阳娜娜","phone":"13912345678"}"""
                            .formatted(publication, AdjustableClock.current().toLocalDate()))
                    .when().post("/feedback").then().statusCode(201).extract().path("id");

            given().contentType(ContentType.JSON).header("X-Actor", "wang.kezhang")
                    .body("{\"title\":\"征收补偿款未按期兑付\",\"description\":\"经核实，部分征收补偿款逾期未兑付，需立项整改。\"}")
                    .when().post("/feedback/" + feedback + "/escalate")
                    .then().statusCode(200).body("status", equalTo("ESCALATED"));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    tasksApi(tasks, coordinator).queryParam("inspectionId", inspection).queryParam("source", "FEEDBACK")
                            .when().get("/problems")
                            .then().statusCode(200)
                            .body("total", equalTo(1))
                            .body("items[0].title", equalTo("征收补偿款未按期兑付"))
                            .body("items[0].sourceFeedbackId", equalTo(feedback)));
            String problem = tasksApi(tasks, coordinator).queryParam("inspectionId", inspection).queryParam("source", "FEEDBACK")
                    .when().get("/problems")
                    .then().body(not(containsString("13912345678"))).body(not(containsString("欧阳")))
                    .extract().path("items[0].id");

            // and back: ProblemRegistered (sourceFeedbackId) links the feedback; its submitter sees the problem
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    given().when().get("/feedback/" + feedback).then().statusCode(200)
                            .body("status", equalTo("ESCALATED"))
                            .body("escalatedProblemId", equalTo(problem))
                            .body("escalatedProblem.title", equalTo("征收补偿款未按期兑付")));
            String code = given().when().get("/feedback/" + feedback).then().extract().path("trackingCode");
            Clients.citizen().when().get("/feedback/track/" + code).then().statusCode(200)
                    .body("status", equalTo("ESCALATED"))
                    .body("problem.title", equalTo("征收补偿款未按期兑付"))
                    .body("problem.percentComplete", equalTo(0));

            // The packaged service prepares its OpenAPI document when first asked for
            // (LazyOpenApiDocumentService, prod profile only): asked for, it is the whole document.
            RestAssured.given().baseUri(tasks.baseUrl()).port(-1).when().get("/q/openapi?format=json")
                    .then().statusCode(200)
                    .body("info.title", startsWith("tasks-service"))
                    .body("paths", hasKey("/inspections"));
        }
    }

    private static RequestSpecification tasksApi(ServiceProcess tasks, String token) {
        return RestAssured.given().baseUri(tasks.baseUrl()).port(-1).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }
}
