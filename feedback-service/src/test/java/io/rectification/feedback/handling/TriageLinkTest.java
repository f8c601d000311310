package io.rectification.feedback.handling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * A triage links a feedback to parts of its own inspection's ledger, as tasks-service announced
 * them: an id nobody announced was stored as sent, and the console's link led nowhere.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TriageLinkTest {

    @Inject
    LedgerReadModel ledger;

    private static Response triage(String feedbackId, String body) {
        String version = given().when().get("/feedback/" + feedbackId).then().extract().header("ETag");
        return given().contentType(ContentType.JSON).header("X-Actor", "wang.kezhang").header("If-Match", version)
                .body(body).when().post("/feedback/" + feedbackId + "/triage");
    }

    /**
     * 撤销: nothing is newly linked to a task or problem the office cancelled (409 naming the field), while
     * a feedback linked to it before keeps its link, and a triage that leaves that link as it was goes through.
     */
    @Test
    void nothingIsNewlyLinkedToWhatWasCancelledAndALinkMadeBeforeStands() {
        UUID inspection = UUID.randomUUID();
        String publication = Publications.create(Publications.json(inspection,
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Ledger.area(inspection, area, 1, "落实全面从严治党不到位");
        Ledger.problem(inspection, area, problem, 1, "招商项目跟踪不到位", "PLAN", null, 0, 0);
        Ledger.task(inspection, area, problem, task, 1, "建立招商项目全周期跟踪服务机制", "IN_PROGRESS", 40, 0);
        String linked = received(publication);
        String later = received(publication);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> triage(linked, "{\"taskId\":\"" + task + "\"}").statusCode() == 200);

        Ledger.cancelTask(inspection, area, problem, task, 1, "建立招商项目全周期跟踪服务机制", 1);
        Ledger.cancelProblem(inspection, area, problem, 1, "招商项目跟踪不到位", "PLAN", 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Stream.of(ledger.task(task), ledger.problem(problem))
                        .allMatch(part -> part.map(LedgerReadModel.Placement::cancelled).orElse(false))));
        triage(later, "{\"taskId\":\"" + task + "\"}").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("taskId"));
        triage(later, "{\"problemId\":\"" + problem + "\"}").then().statusCode(409)
                .body("errors.field", hasItem("problemId"));
        given().when().get("/feedback/" + later).then().body("problemId", nullValue());
        // the one linked before keeps its link, and a triage that leaves it is not refused
        triage(linked, "{\"category\":\"COMPLAINT\",\"taskId\":\"" + task + "\"}").then().statusCode(200)
                .body("taskId", equalTo(task.toString())).body("problemId", equalTo(problem.toString()));
    }

    private static String received(String publication) {
        return given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"2026-01-10","text":"反映招商项目长期未开工。"}"""
                        .formatted(publication))
                .when().post("/feedback").then().statusCode(201).extract().path("id");
    }

    @Test
    void aLinkIsOnePlaceOfTheFeedbacksOwnInspection() {
        UUID inspection = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String publication = Publications.create(Publications.json(inspection,
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        UUID area = UUID.randomUUID();
        UUID secondArea = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID secondProblem = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID otherArea = UUID.randomUUID();
        UUID otherProblem = UUID.randomUUID();
        UUID otherTask = UUID.randomUUID();
        Ledger.inspection(other);
        Ledger.area(inspection, area, 1, "落实全面从严治党不到位");
        Ledger.area(inspection, secondArea, 2, "推进管理机制改革不彻底");
        Ledger.problem(inspection, area, problem, 1, "招商项目跟踪不到位", "INSPECTION_FEEDBACK", null, 0, 0);
        Ledger.problem(inspection, secondArea, secondProblem, 1, "体制机制改革不深入", "INSPECTION_FEEDBACK", null, 0, 0);
        Ledger.task(inspection, area, problem, task, 1, "建立招商项目全周期跟踪服务机制", "IN_PROGRESS", 40, 0);
        Ledger.area(other, otherArea, 1, "贯彻落实决策部署不到位");
        Ledger.problem(other, otherArea, otherProblem, 1, "另一巡视的问题", "INSPECTION_FEEDBACK", null, 0, 0);
        Ledger.task(other, otherArea, otherProblem, otherTask, 1, "另一巡视的任务", "IN_PROGRESS", 0, 0);
        String id = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"2026-01-10","text":"反映招商项目长期未开工。"}"""
                        .formatted(publication))
                .when().post("/feedback").then().statusCode(201).extract().path("id");

        // an id nobody announced: 422 naming it, nothing stored
        triage(id, "{\"taskId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("taskId"));
        triage(id, "{\"problemId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(422)
                .body("errors.field", hasItem("problemId"));
        given().when().get("/feedback/" + id).then().body("status", equalTo("RECEIVED")).body("taskId", nullValue());

        // once every part has arrived (each of these is 400, changing nothing, only when all it names are known):
        // another inspection's parts are refused, and so are links that do not belong together, naming the one
        // that does not fit
        String[][] refusals = {
                {"{\"taskId\":\"" + otherTask + "\"}", "taskId"},
                {"{\"problemId\":\"" + otherProblem + "\"}", "problemId"},
                {"{\"areaId\":\"" + otherArea + "\"}", "areaId"},
                {"{\"taskId\":\"" + task + "\",\"problemId\":\"" + secondProblem + "\"}", "taskId"},
                {"{\"taskId\":\"" + task + "\",\"areaId\":\"" + secondArea + "\"}", "taskId"},
                {"{\"problemId\":\"" + problem + "\",\"areaId\":\"" + secondArea + "\"}", "areaId"},
                {"{\"problemId\":\"" + secondProblem + "\",\"areaId\":\"" + area + "\"}", "areaId"}};
        for (String[] refusal : refusals) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> triage(id, refusal[0]).statusCode() != 422);
            triage(id, refusal[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(refusal[1]));
        }
        given().when().get("/feedback/" + id).then().body("status", equalTo("RECEIVED")).body("areaId", nullValue());

        // a task brings its problem and area
        triage(id, "{\"category\":\"COMPLAINT\",\"taskId\":\"" + task + "\"}").then().statusCode(200)
                .body("taskId", equalTo(task.toString())).body("problemId", equalTo(problem.toString()))
                .body("areaId", equalTo(area.toString()));
        // a new link replaces the whole place: no task of the old problem is left beside the new one
        triage(id, "{\"problemId\":\"" + secondProblem + "\"}").then().statusCode(200)
                .body("problemId", equalTo(secondProblem.toString())).body("areaId", equalTo(secondArea.toString()))
                .body("taskId", nullValue());
    }
}
