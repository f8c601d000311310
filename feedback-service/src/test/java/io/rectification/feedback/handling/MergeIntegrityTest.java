package io.rectification.feedback.handling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A merge leads straight to a feedback whose answer the merged submitter will see: two handlers
 * merging at the same moment cannot make a loop or a chain (both rows are locked, in id order, before
 * either is judged), and a merge into a merged feedback, into one closed without an answer, or of a
 * feedback that others were merged into, is refused, naming why.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class MergeIntegrityTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.runningFrom("2026-02-28T16:10:00Z");

    @Inject
    AgroalDataSource dataSource;

    static RequestSpecification as(String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor);
    }

    /** A call recorded by staff; its id. */
    static String call(String publication, String text) {
        return as("li.ganshi").body("""
                        {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","text":%s}"""
                        .formatted(publication, CLOCK.today(), EventProbe.toJson(text)))
                .when().post("/feedback").then().statusCode(201).extract().path("id");
    }

    static Response merge(String actor, String id, String into) {
        return as(actor).body("{\"into\":\"" + into + "\"}").when().post("/feedback/" + id + "/merge");
    }

    /** Each feedback's mergedIntoId (null when not merged). */
    static Map<String, String> mergedInto(String... ids) {
        return Stream.of(ids).collect(Collectors.toMap(id -> id, id -> String.valueOf(
                given().when().get("/feedback/" + id).then().statusCode(200).extract().<String>path("mergedIntoId"))));
    }

    @Test
    void twoHandlersMergingTwoFeedbacksIntoEachOtherAtOnceMergeOneAndAreToldWhyNotTheOther() throws Exception {
        String publication = Publications.openNow();
        String x = call(publication, "反映开发区某路段路灯不亮。");
        String y = call(publication, "开发区某路段路灯长期不亮。");

        List<ExtractableResponse<Response>> answers = HeldRows.whileHeld(dataSource, List.of(x, y), List.of(
                () -> merge("xinfang.jia", x, y).then().extract(),
                () -> merge("xinfang.yi", y, x).then().extract()));

        List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).sorted().toList();
        assertEquals(List.of(200, 409), statuses, "one merge, one refusal: " + answers.stream().map(a -> a.asString()).toList());
        ExtractableResponse<Response> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("into", refused.path("errors[0].field"));
        assertTrue(refused.<String>path("detail").contains("was merged into this one already"), refused.asString());

        Map<String, String> merged = mergedInto(x, y);
        assertTrue(merged.get(x).equals("null") != merged.get(y).equals("null"), "exactly one merged: " + merged);
        String kept = merged.get(x).equals("null") ? x : y;
        given().when().get("/feedback/" + kept).then().body("status", equalTo("RECEIVED"))
                .body("mergedIntoId", nullValue());
    }

    @Test
    void mergingAIntoBWhileBGoesIntoCLeavesNoChain() throws Exception {
        String publication = Publications.openNow();
        String a = call(publication, "建议公开招商奖补资金兑现情况（一）。");
        String b = call(publication, "建议公开招商奖补资金兑现情况（二）。");
        String c = call(publication, "建议公开招商奖补资金兑现情况（三）。");

        List<ExtractableResponse<Response>> answers = HeldRows.whileHeld(dataSource, List.of(a, b, c), List.of(
                () -> merge("xinfang.jia", a, b).then().extract(),
                () -> merge("xinfang.yi", b, c).then().extract()));

        assertEquals(List.of(200, 409), answers.stream().map(ExtractableResponse::statusCode).sorted().toList(),
                answers.stream().map(r -> r.asString()).toList().toString());
        Map<String, String> merged = mergedInto(a, b, c);
        for (String target : merged.values()) {
            if (!target.equals("null")) {
                assertEquals("null", merged.get(target), "merged into a merged feedback: " + merged);
            }
        }
    }

    @Test
    void aMergeIntoAMergedFeedbackNamesWhereItsMergesEnd() {
        String publication = Publications.openNow();
        String kept = call(publication, "反映小区周边占道经营。");
        String first = call(publication, "小区周边占道经营问题。");
        String second = call(publication, "周边占道经营严重。");
        merge("xinfang.jia", first, kept).then().statusCode(200);

        merge("xinfang.yi", second, first).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("into"))
                .body("detail", containsString("was itself merged into " + kept))
                .body("mergeInto", equalTo(kept));
        merge("xinfang.yi", second, kept).then().statusCode(200);
    }

    @Test
    void aFeedbackOthersWereMergedIntoIsNotMergedItself() {
        String publication = Publications.openNow();
        String main = call(publication, "反映公交站台破损（主件）。");
        String duplicate = call(publication, "公交站台破损（重复件）。");
        String other = call(publication, "公交站台破损（另一主件）。");
        merge("xinfang.jia", duplicate, main).then().statusCode(200);

        merge("xinfang.jia", main, other).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("1 duplicate(s) merged into it"));
        assertNull(given().when().get("/feedback/" + main).then().extract().path("mergedIntoId"));
        // the other way round joins the two groups under one answer
        merge("xinfang.jia", other, main).then().statusCode(200);
    }

    @Test
    void aMergeIntoAFeedbackClosedWithoutAnAnswerIsRefusedButOneClosedAfterItsAnswerTakesIt() {
        String publication = Publications.openNow();
        String closed = call(publication, "反映的事项不属于整改范围。");
        String answeredThenClosed = call(publication, "反映停车收费不规范。");
        String duplicate = call(publication, "停车收费不规范，同一事项。");
        as("xinfang.jia").body("{\"reason\":\"不属于巡视整改范围\"}").when().post("/feedback/" + closed + "/close")
                .then().statusCode(200);
        as("xinfang.jia").body("{\"category\":\"COMPLAINT\"}").when().post("/feedback/" + answeredThenClosed + "/triage")
                .then().statusCode(200);
        as("xinfang.jia").body("{\"answer\":\"已责成有关部门规范停车收费。\"}").when().post("/feedback/" + answeredThenClosed + "/answer")
                .then().statusCode(200);
        as("xinfang.jia").body("{}").when().post("/feedback/" + answeredThenClosed + "/close").then().statusCode(200);

        merge("xinfang.yi", duplicate, closed).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("into"))
                .body("detail", containsString("closed without an answer"));
        merge("xinfang.yi", duplicate, answeredThenClosed).then().statusCode(200).body("status", equalTo("MERGED"));
    }
}
