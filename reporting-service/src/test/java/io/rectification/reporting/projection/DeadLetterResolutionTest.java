package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.DeadLetterMetrics;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiResponses;
import io.rectification.platform.testing.RefusedWrites;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator replays a dead letter once its cause is dealt with, or dismisses it saying why
 * (platform's DeadLetterResolutions, docs/operations.md "Consumers and dead letters"): here with
 * reporting-service's task consumer, whose read models keep the newest version of each row.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DeadLetterResolutionTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String OPERATOR = "ops-zhang";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConsumerNames names;

    @Inject
    DeadLetterMetrics metrics;

    /**
     * A problem met before its area (a reference a rule of this service, stood in for by a trigger,
     * wants first) is a dead letter; replayed too early it fails again and stays open with the new
     * reason and one attempt more; replayed once the area has arrived it is applied, resolved by the
     * operator, on the audit trail, and no longer counted open (so the alert clears).
     */
    @Test
    void aProblemDeadLetteredForAMissingAreaIsAppliedByAReplayOnceTheAreaHasArrived() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID area = UUID.randomUUID();
        String missingArea = "NEW.area_id = '" + area + "' AND NOT EXISTS (SELECT 1 FROM rm_area WHERE id = NEW.area_id)";
        UUID problem;
        long id;
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "rm_problem", missingArea, "the area is not here yet")) {
            problem = plan.registerProblem(area, 1, "招商引资政策兑现不到位");
            id = awaitDeadLetter(letters -> letters.path("find { it.payload != null && it.payload.contains('" + problem + "') }.id"));
            given().when().get("/dead-letters/" + id).then().statusCode(200)
                    .body("reason", startsWith("not applied: ERROR: the area is not here yet"))
                    .body("attempts", equalTo(1)).body("resolution", nullValue());
        }
        metrics.refresh();
        long openBefore = openCounted();
        assertEquals(openInTable(), openBefore);

        // the rule as a build deployed meanwhile words it: the replay fails again, and says so
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "rm_problem", missingArea, "area still unknown")) {
            given().header("X-Actor", OPERATOR).when().post("/dead-letters/" + id + "/replay").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("area still unknown"));
            given().when().get("/dead-letters/" + id).then()
                    .body("attempts", equalTo(2)).body("resolution", nullValue())
                    .body("reason", startsWith("not applied: ERROR: area still unknown"));
            assertEquals(0, count("SELECT count(*) FROM rm_problem WHERE id = ?::uuid", problem.toString()));

            ContractEvents.sendWithId(UUID.randomUUID().toString(), EventTopics.TASKS, "AreaRegistered", "Area", area, 1,
                    Map.of("area", Map.of("id", area.toString(), "inspectionId", plan.inspectionId.toString(),
                            "number", 1, "title", "推进管理机制改革不彻底")));
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM rm_area WHERE id = ?::uuid", area.toString()) == 1);

            given().header("X-Actor", OPERATOR).when().post("/dead-letters/" + id + "/replay").then().statusCode(200)
                    .body("id", equalTo((int) id))
                    .body("attempts", equalTo(2))
                    .body("reason", startsWith("not applied: ERROR: area still unknown"))
                    .body("resolution.outcome", equalTo("REPLAYED"))
                    .body("resolution.by", equalTo(OPERATOR))
                    .body("resolution.at", notNullValue())
                    .body("resolution.reason", nullValue());
        }
        assertEquals(1, count("SELECT count(*) FROM rm_problem WHERE id = ?::uuid AND area_id = ?::uuid",
                problem.toString(), area.toString()));

        metrics.refresh();
        assertEquals(openInTable(), openCounted());
        assertEquals(openBefore - 1, openCounted(), "the replayed dead letter is no longer counted open");
        OpenApiResponses.verifyGet("/dead-letters/" + id, "id", "attempts");
        given().header("X-Test-Roles", "supervisor").when().get("/audit/DeadLetter/" + id).then().statusCode(200)
                .body("action", equalTo(List.of("DeadLetterReplayFailed", "DeadLetterReplayed")))
                .body("actor", equalTo(List.of(OPERATOR, OPERATOR)));

        // resolved: neither replayed nor dismissed again
        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already resolved"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "重复处理")).when()
                .post("/dead-letters/" + id + "/dismissal").then().statusCode(409);
    }

    /**
     * A replay applies an old event as the consumer would have: the read model keeps the newer
     * version it holds (its upserts take a row's newest version), the old snapshot joins the history.
     */
    @Test
    void replayingAnOlderVersionThanTheReadModelHoldsDoesNotMoveItBack() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        String created;
        long id;
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "rm_task",
                "NEW.id = '" + task + "' AND NEW.version = 1", "refused until the fix is deployed")) {
            created = ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "PLANNED", "2025-06-30"), 1);
            id = awaitDeadLetter(created);
            ContractEvents.sendTask("TaskUpdated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 2);
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                    .then().statusCode(200).body("version", equalTo(2)));
        }
        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("resolution.outcome", equalTo("REPLAYED"));
        given().when().get("/read-models/tasks/" + task).then().statusCode(200)
                .body("version", equalTo(2)).body("state", equalTo("IN_PROGRESS"));
        assertEquals(2, count("SELECT count(*) FROM rm_task_history WHERE task_id = ?::uuid", task.toString()),
                "both versions are in the history");
    }

    /**
     * The relay may send an event twice: applied at its second delivery, its dead letter's replay
     * finds it applied already and changes nothing twice, and the dead letter is resolved all the same.
     */
    @Test
    void replayingAnEventAppliedSinceChangesNothingTwice() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        ObjectNode snapshot = plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED", "2025-06-30");
        String eventId = UUID.randomUUID().toString();
        long id;
        try (RefusedWrites ignored = RefusedWrites.on(dataSource, "rm_task", "NEW.id = '" + task + "'", "refused for now")) {
            ContractEvents.sendWithId(eventId, EventTopics.TASKS, "TaskCreated", "Task", task, 1, Map.of("task", snapshot));
            id = awaitDeadLetter(eventId);
        }
        ContractEvents.sendWithId(eventId, EventTopics.TASKS, "TaskCreated", "Task", task, 1, Map.of("task", snapshot));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task).then().statusCode(200));
        long history = count("SELECT count(*) FROM rm_task_history WHERE task_id = ?::uuid", task.toString());

        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("resolution.outcome", equalTo("REPLAYED"));
        assertEquals(1, count("SELECT count(*) FROM consumed_event WHERE consumer = ? AND event_id = ?",
                names.tasks(), eventId));
        assertEquals(history, count("SELECT count(*) FROM rm_task_history WHERE task_id = ?::uuid", task.toString()));
        given().when().get("/read-models/tasks/" + task).then().body("version", equalTo(1));
    }

    /**
     * A message that should never be applied is dismissed with a reason, which is required and
     * bounded; the lists tell open from resolved; a message that cannot even be read fails its
     * replay as it failed at first; only the operator may do any of it.
     */
    @Test
    void aPoisonMessageIsDismissedWithAReasonAndTheListsTellOpenFromResolved() {
        String marker = "poison-" + UUID.randomUUID();
        EventProbe.sendBytes(EventTopics.TASKS, marker, ("\u0000" + marker).getBytes(StandardCharsets.UTF_8));
        long id = awaitDeadLetter(letters -> letters.path("find { it.payload != null && it.payload.contains('" + marker + "') }.id"));

        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("unreadable message"));
        given().when().get("/dead-letters/" + id).then().body("attempts", equalTo(2));

        for (Object body : List.of("{}", Map.of("reason", "   "), Map.of("reason", "长".repeat(501)))) {
            given().contentType(ContentType.JSON).body(body).when().post("/dead-letters/" + id + "/dismissal")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("reason"));
        }
        given().contentType(ContentType.JSON).when().post("/dead-letters/" + id + "/dismissal")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        for (String role : List.of("coordinator", "supervisor", "integration")) {
            given().header("X-Test-Roles", role).contentType(ContentType.JSON).body(Map.of("reason", "测试消息"))
                    .when().post("/dead-letters/" + id + "/dismissal").then().statusCode(403);
            given().header("X-Test-Roles", role).when().post("/dead-letters/" + id + "/replay").then().statusCode(403);
        }
        given().when().get("/dead-letters/" + id).then().body("resolution", nullValue());
        given().queryParam("state", "OPEN").queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("id", hasItem((int) id)).body("resolution", not(hasItem(notNullValue())));

        given().header("X-Actor", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("reason", "  联调时手工发送的测试消息，无需处理。 ")).when().post("/dead-letters/" + id + "/dismissal")
                .then().statusCode(200)
                .body("resolution.outcome", equalTo("DISMISSED"))
                .body("resolution.by", equalTo(OPERATOR))
                .body("resolution.reason", equalTo("联调时手工发送的测试消息，无需处理。"))
                .body("resolution.at", notNullValue());
        given().when().post("/dead-letters/" + id + "/replay").then().statusCode(409);
        given().queryParam("state", "OPEN").queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("id", not(hasItem((int) id)));
        given().queryParam("state", "RESOLVED").queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("id", hasItem((int) id)).body("resolution", not(hasItem(nullValue())));
        given().queryParam("limit", 1000).when().get("/dead-letters").then().body("id", hasItem((int) id));
        given().queryParam("state", "DONE").when().get("/dead-letters").then().statusCode(400)
                .body("errors.field", hasItem("state"));
        given().header("X-Test-Roles", "supervisor").when().get("/audit/DeadLetter/" + id).then().statusCode(200)
                .body("action", equalTo(List.of("DeadLetterReplayFailed", "DeadLetterDismissed")));
        given().header("X-Test-Roles", "supervisor").when().get("/audit/DeadLetter/abc").then().statusCode(400)
                .body("errors.field", hasItem("entityId"));

        given().when().post("/dead-letters/" + Long.MAX_VALUE + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "测试消息")).when()
                .post("/dead-letters/" + Long.MAX_VALUE + "/dismissal").then().statusCode(404);
    }

    /** What a refused replay and a dismissal answer is in the OpenAPI document, with an example of the reason. */
    @Test
    void theReplaysRefusalsAndTheDismissalsExampleAreDocumented() {
        OpenApiAnswers.verifyDeclares("POST", "/dead-letters/{id}/replay", "200", "404", "409", "422");
        OpenApiAnswers.verifyDeclares("POST", "/dead-letters/{id}/dismissal", "200", "400", "404", "409");
        assertEquals(List.of("OPEN", "RESOLVED"), OpenApiAnswers.parameterValues("GET", "/dead-letters", "state"));
        // a resolution, where there is one, always says how, when and by whom
        assertEquals("[\"outcome\",\"at\",\"by\"]", OpenApiAnswers.document().path("components").path("schemas")
                .path("DeadLetterResolution").path("required").toString());
    }

    private long awaitDeadLetter(String eventId) {
        return awaitDeadLetter(letters -> letters.path("find { it.eventId == '" + eventId + "' }.id"));
    }

    private long awaitDeadLetter(java.util.function.Function<io.restassured.response.ExtractableResponse<?>, Number> find) {
        Number[] id = new Number[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            id[0] = find.apply(given().queryParam("limit", 1000).when().get("/dead-letters").then().statusCode(200).extract());
            return id[0] != null;
        });
        return id[0].longValue();
    }

    private long openCounted() {
        String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = Pattern.compile("rectification_dead_letters_open\\{consumer=\"" + Pattern.quote(names.tasks())
                + "\"} ([0-9.E]+)").matcher(scraped);
        assertTrue(gauge.find(), scraped);
        return (long) Double.parseDouble(gauge.group(1));
    }

    private long openInTable() throws SQLException {
        return count("SELECT count(*) FROM dead_letter WHERE consumer = ? AND resolution IS NULL", names.tasks());
    }

    private long count(String sql, String... parameters) throws SQLException {
        return Counts.of(dataSource, sql, (Object[]) parameters);
    }
}
