package io.rectification.tasks.work;

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
 * A task's evidence (台账, minutes, internal documents) is its unit's: its list, entries and files
 * are read by the officers of the task's unit, the office (整改办) and the supervisors (督查), and
 * refused (403) to officers of other units, the feedback handler, the operator and other systems.
 * The task itself, its progress and the lists stay the organisation's shared ledger.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EvidenceReadScopeTest {

    private static final String OWN_OFFICER = TestTokens.tokenInUnit("dzb", "党政办公室", "officer");
    private static final String OTHER_OFFICER = TestTokens.tokenInUnit("zsj", "招商局", "officer");
    private static final String COORDINATOR = TestTokens.token("zhengban", "coordinator");
    private static final String SUPERVISOR = TestTokens.token("ducha", "supervisor");
    private static final String FEEDBACK_HANDLER = TestTokens.token("xinfang", "feedback-handler", "personal-data");
    private static final String ADMIN = TestTokens.token("yunwei", "admin");
    private static final String INTEGRATION = TestTokens.token("integration-demo", "integration");

    @Test
    void theEvidenceIsReadByItsUnitTheOfficeAndTheSupervisorsOnly() {
        String taskId = Fixtures.task(Fixtures.freshProblem(),
                Fixtures.taskJson("规范公务接待", "2024-12-31", "TIME_BOUND", "").replace("财政金融局", "党政办公室"));
        String evidenceId = as(OWN_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("type", "MINUTES", "title", "党组会纪要", "date", "2024-11-20"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201).extract().path("id");
        String file = "/tasks/" + taskId + "/evidence/" + evidenceId + "/file";
        as(OWN_OFFICER).contentType("application/pdf").body(EvidenceFileTest.PDF).queryParam("filename", "纪要.pdf").put(file)
                .then().statusCode(200);
        List<String> reads = List.of("/tasks/" + taskId + "/evidence", "/tasks/" + taskId + "/evidence/" + evidenceId, file);

        for (String token : List.of(OWN_OFFICER, COORDINATOR, SUPERVISOR)) {
            as(token).get(reads.get(0)).then().statusCode(200).body("[0].title", equalTo("党组会纪要"));
            as(token).get(reads.get(1)).then().statusCode(200).body("file.filename", equalTo("纪要.pdf"));
            assertArrayEquals(EvidenceFileTest.PDF, as(token).get(file).then().statusCode(200).extract().asByteArray());
        }
        for (String read : reads) {
            as(OTHER_OFFICER).get(read).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("evidence")).body("detail", containsString("党政办公室"));
            for (String token : List.of(FEEDBACK_HANDLER, ADMIN, INTEGRATION)) {
                as(token).get(read).then().statusCode(403).contentType("application/problem+json");
            }
        }
        // the shared ledger: the task and its progress stay readable by officers of other units and other systems
        as(OTHER_OFFICER).get("/tasks/" + taskId).then().statusCode(200).body("evidenceCount", equalTo(1));
        as(OTHER_OFFICER).get("/tasks/" + taskId + "/progress-reports").then().statusCode(200);
        as(INTEGRATION).get("/tasks/" + taskId).then().statusCode(200);
        // an unknown task is still a 404, whoever asks
        as(OTHER_OFFICER).get("/tasks/7d1f9a52-0000-4000-8000-000000000000/evidence").then().statusCode(404);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
