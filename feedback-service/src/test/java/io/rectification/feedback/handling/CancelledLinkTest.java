package io.rectification.feedback.handling;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * 撤销 of a part a feedback is linked to: the link stays, and until now nothing said it was cancelled, the
 * staff view and the tracking page going on as if it stood. Staff see {@code linkCancelledAt} (also as a
 * filter of the list), the submitter a sentence saying so (never the reason nor who), and the handler moves
 * the link to a part that stands.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class CancelledLinkTest {

    private static final String OPEN = "您的意见建议所关联的整改事项因录入有误，已从整改台账中撤销；您的意见建议仍在办理中，将重新研判。";
    private static final String DONE = "您的意见建议所关联的整改事项因录入有误，已从整改台账中撤销。";

    @Test
    void aCancelledLinkIsShownAsSuchAndMovedToAPartThatStands() {
        UUID inspection = UUID.randomUUID();
        String publication = Publications.create(Publications.json(inspection,
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID mistaken = UUID.randomUUID();
        UUID standing = UUID.randomUUID();
        Ledger.area(inspection, area, 1, "落实全面从严治党不到位");
        Ledger.problem(inspection, area, problem, 1, "招商项目跟踪不到位", "PLAN", null, 0, 0);
        Ledger.task(inspection, area, problem, mistaken, 1, "建立招商项目全周期跟踪服务机制", "IN_PROGRESS", 40, 0);
        Ledger.task(inspection, area, problem, standing, 2, "开展签约未开工项目专项清理", "IN_PROGRESS", 20, 0);
        Received open = received(publication);
        Received answered = received(publication);
        Received elsewhere = received(publication);
        Received escalated = received(publication);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> triage(open.id, "{\"taskId\":\"" + mistaken + "\"}").statusCode() == 200);
        triage(answered.id, "{\"category\":\"OPINION\",\"taskId\":\"" + mistaken + "\"}").then().statusCode(200);
        answer(answered.id);
        triage(elsewhere.id, "{\"taskId\":\"" + standing + "\"}").then().statusCode(200);
        triage(escalated.id, "{\"taskId\":\"" + mistaken + "\"}").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "wang.kezhang")
                .body("{\"title\":\"签约项目长期未开工\",\"description\":\"经核实需立项整改。\"}")
                .when().post("/feedback/" + escalated.id + "/escalate").then().statusCode(200);
        String tag = given().when().get("/feedback/" + open.id).then().statusCode(200)
                .body("linkCancelledAt", nullValue()).extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/feedback/" + open.id).then().statusCode(304);
        Clients.citizen().when().get("/feedback/track/" + open.code).then().statusCode(200).body("linkNotice", nullValue());

        Ledger.cancelTask(inspection, area, problem, mistaken, 1, "建立招商项目全周期跟踪服务机制", 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().when().get("/feedback/" + open.id).then().extract().path("linkCancelledAt") != null);

        // staff: the link stands, marked cancelled, and the version no longer validates a copy made before
        String cancelledAt = given().header("If-None-Match", tag).when().get("/feedback/" + open.id).then()
                .statusCode(200).header("ETag", equalTo(tag)).body("taskId", equalTo(mistaken.toString()))
                .extract().path("linkCancelledAt");
        assertEquals(Instant.parse("2025-11-10T01:00:00Z"), OffsetDateTime.parse(cancelledAt).toInstant());
        given().queryParam("linkCancelled", "true").queryParam("size", 500).when().get("/feedback").then()
                .statusCode(200).body("items.id", hasItem(open.id)).body("items.id", hasItem(answered.id))
                .body("items.id", not(hasItem(elsewhere.id)));
        given().queryParam("linkCancelled", "true").queryParam("status", "TRIAGED").queryParam("size", 500)
                .when().get("/feedback").then().statusCode(200)
                .body("items.id", hasItem(open.id)).body("items.id", not(hasItem(answered.id)));
        given().queryParam("linkCancelled", "yes").when().get("/feedback").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("linkCancelled"));

        // the submitter: a sentence instead of the link as if it stood; a promise only while a triage can act on it
        Clients.citizen().when().get("/feedback/track/" + open.code).then().statusCode(200)
                .body("linkNotice", equalTo(OPEN)).body("problem", nullValue());
        Clients.citizen().header("Accept-Language", "en").when().get("/feedback/track/" + open.code).then().statusCode(200)
                .body("linkNotice", equalTo("The part of the rectification plan your feedback is linked to was entered"
                        + " by mistake and has been removed from the rectification ledger; your feedback is still being"
                        + " handled and will be looked at again."));
        Clients.citizen().when().get("/feedback/track/" + answered.code).then().statusCode(200)
                .body("linkNotice", equalTo(DONE)).body("answer", notNullValue());
        // an escalated one is followed by the problem it becomes, not by its earlier link
        Clients.citizen().when().get("/feedback/track/" + escalated.code).then().statusCode(200).body("linkNotice", nullValue());

        // the handler moves the link away from the cancelled task: the 409 for a cancelled part does not stand in the way
        triage(open.id, "{\"taskId\":\"" + standing + "\"}").then().statusCode(200)
                .body("taskId", equalTo(standing.toString())).body("problemId", equalTo(problem.toString()))
                .body("linkCancelledAt", nullValue());
        Clients.citizen().when().get("/feedback/track/" + open.code).then().statusCode(200).body("linkNotice", nullValue());
        given().queryParam("linkCancelled", "true").queryParam("size", 500).when().get("/feedback").then()
                .statusCode(200).body("items.id", not(hasItem(open.id)));
        // and back to the cancelled one is refused, naming the field
        triage(open.id, "{\"taskId\":\"" + mistaken + "\"}").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("taskId"));
    }

    /** An area cancelled: a feedback linked to the area alone shows it too, and moves to a problem of another area. */
    @Test
    void aFeedbackLinkedToACancelledAreaMovesToAnotherArea() {
        UUID inspection = UUID.randomUUID();
        String publication = Publications.create(Publications.json(inspection,
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null));
        UUID mistaken = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        Ledger.area(inspection, mistaken, 1, "重复导入的方面");
        Ledger.area(inspection, area, 2, "推进管理机制改革不彻底");
        Ledger.problem(inspection, area, problem, 1, "体制机制改革不深入", "PLAN", null, 0, 0);
        Received feedback = received(publication);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> triage(feedback.id, "{\"areaId\":\"" + mistaken + "\"}").statusCode() == 200);

        Ledger.cancelArea(inspection, mistaken, 1, "重复导入的方面", 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().when().get("/feedback/" + feedback.id).then().extract().path("linkCancelledAt") != null);
        Clients.citizen().when().get("/feedback/track/" + feedback.code).then().body("linkNotice", equalTo(OPEN));

        triage(feedback.id, "{\"problemId\":\"" + problem + "\"}").then().statusCode(200)
                .body("areaId", equalTo(area.toString())).body("linkCancelledAt", nullValue());
    }

    private record Received(String id, String code) {
    }

    private static Received received(String publication) {
        Response created = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"2026-01-10","text":"反映招商项目长期未开工。"}"""
                        .formatted(publication))
                .when().post("/feedback");
        created.then().statusCode(201);
        return new Received(created.path("id"), created.path("trackingCode"));
    }

    private static Response triage(String feedbackId, String body) {
        String version = given().when().get("/feedback/" + feedbackId).then().extract().header("ETag");
        return given().contentType(ContentType.JSON).header("X-Actor", "wang.kezhang").header("If-Match", version)
                .body(body).when().post("/feedback/" + feedbackId + "/triage");
    }

    private static void answer(String feedbackId) {
        given().contentType(ContentType.JSON).header("X-Actor", "wang.kezhang")
                .body("{\"answer\":\"您反映的问题已转相关单位核实办理。\"}")
                .when().post("/feedback/" + feedbackId + "/answer").then().statusCode(200);
    }
}
