package io.rectification.feedback.handling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
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

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two handlers taking a step on one feedback at the same moment: the steps take turns on the row, and
 * the second is judged on what the first left. Without If-Match it is refused 409 when the feedback's
 * status no longer allows it, with the feedback's status and {@code currentVersion} (never 412, a
 * precondition it did not send); with an If-Match the first made stale, 412 with {@code currentVersion}.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ConcurrentStepsTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.runningFrom("2026-02-28T16:10:00Z");

    @Inject
    AgroalDataSource dataSource;

    static RequestSpecification as(String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor);
    }

    static String call(String publication) {
        return as("li.ganshi").body("""
                        {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","text":"反映某小区垃圾清运不及时。"}"""
                        .formatted(publication, CLOCK.today()))
                .when().post("/feedback").then().statusCode(201).extract().path("id");
    }

    static ExtractableResponse<Response> escalate(String actor, String id, String ifMatch) {
        RequestSpecification request = as(actor).body("{\"title\":\"垃圾清运不及时\",\"description\":\"群众反映小区垃圾清运不及时，需核查整改。\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/feedback/" + id + "/escalate").then().extract();
    }

    @Test
    void withoutIfMatchTheSecondOfTwoStepsAtOnceIsAConflictWithTheCurrentVersionNotAFailedPrecondition() throws Exception {
        String id = call(Publications.openNow());

        List<ExtractableResponse<Response>> answers = HeldRows.whileHeld(dataSource, List.of(id), List.of(
                () -> escalate("xinfang.jia", id, null),
                () -> escalate("xinfang.yi", id, null)));

        assertEquals(List.of(200, 409), answers.stream().map(ExtractableResponse::statusCode).sorted().toList(),
                answers.stream().map(a -> a.asString()).toList().toString());
        ExtractableResponse<Response> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("ESCALATED", refused.path("feedbackStatus"));
        assertEquals(1, refused.<Integer>path("currentVersion"));
        assertTrue(refused.<String>path("detail").contains("cannot take the step ESCALATE"), refused.asString());
    }

    @Test
    void withTheSameIfMatchTheSecondIsAFailedPreconditionNamingTheCurrentVersion() throws Exception {
        String id = call(Publications.openNow());

        List<ExtractableResponse<Response>> answers = HeldRows.whileHeld(dataSource, List.of(id), List.of(
                () -> escalate("xinfang.jia", id, "\"0\""),
                () -> escalate("xinfang.yi", id, "\"0\"")));

        assertEquals(List.of(200, 412), answers.stream().map(ExtractableResponse::statusCode).sorted().toList(),
                answers.stream().map(a -> a.asString()).toList().toString());
        ExtractableResponse<Response> stale = answers.stream().filter(a -> a.statusCode() == 412).findFirst().orElseThrow();
        assertEquals(1, stale.<Integer>path("currentVersion"));
    }
}
