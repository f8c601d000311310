package io.rectification.reporting.readmodel;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.projection.TaskChanges;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conditional read of a task held with {@code Prefer: wait=N} (RFC 7240): answered when the task
 * changes, whoever applied the change, or with 304 when the wait runs out. The test profile lets a
 * read wait up to 120 s, so that a change arriving in a few seconds on a busy machine is told apart
 * from the wait running out.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskReadModelWaitTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aHeldReadIsAnsweredWithTheChangeAndNotBefore() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        String created = created(plan, task, area, problem);

        long asked = System.nanoTime();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given()
                .header("If-None-Match", created).header("Prefer", "wait=1000")
                .get("/read-models/tasks/" + task));
        // Nothing changed: the read is still waiting (without the preference it would be a 304 by now).
        Thread.sleep(1_500);
        assertFalse(held.isDone(), "answered before anything changed");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("(?m)^rectification_read_model_changes_heard\\s+1\\.0$").matcher(metrics).find(),
                "hears changes");
        assertTrue(Pattern.compile("(?m)^rectification_read_model_waiting\\s+[1-9][0-9]*\\.0$").matcher(metrics).find(),
                "counts the held read");

        ContractEvents.sendTask("TaskProgressReported", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 2,
                Map.of("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "MONTHLY",
                        "periodStart", "2025-05-01", "periodEnd", "2025-05-31", "percentComplete", 40,
                        "text", "五月进展", "reporter", "李处长", "reportedAt", "2025-06-01T09:00:00+08:00")));
        Response answer = held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        answer.then().statusCode(200).body("version", equalTo(2)).body("progressReports", hasSize(1))
                // a longer wait than the service allows is cut to its most (the test profile's 120 s)
                .header("Preference-Applied", equalTo("wait=120"));
        assertTrue(System.nanoTime() - asked < Duration.ofSeconds(100).toNanos(), "answered by the wait running out");
    }

    @Test
    void aChangeAppliedElsewhereWakesTheReadThroughTheDatabase() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        String created = created(plan, task, UUID.randomUUID(), UUID.randomUUID());

        long asked = System.nanoTime();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given()
                .header("If-None-Match", created).header("Prefer", "wait=100")
                .get("/read-models/tasks/" + task));
        Thread.sleep(1_500);
        assertFalse(held.isDone(), "answered before anything changed");
        // As another instance of this service would: the row and its announcement in one transaction.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE rm_task SET version = 7 WHERE id = ?");
                 PreparedStatement announce = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                update.setObject(1, task);
                update.executeUpdate();
                announce.setString(1, TaskChanges.CHANNEL);
                announce.setString(2, task.toString());
                announce.executeQuery().close();
            }
            connection.commit();
        }
        held.get(WAIT.toSeconds(), TimeUnit.SECONDS).then().statusCode(200).body("version", equalTo(7))
                .header("Preference-Applied", equalTo("wait=100"));
        assertTrue(System.nanoTime() - asked < Duration.ofSeconds(90).toNanos(), "answered by the wait running out");
    }

    @Test
    void whenTheWaitRunsOutTheAnswerIsNotModified() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        String created = created(plan, task, UUID.randomUUID(), UUID.randomUUID());

        long asked = System.nanoTime();
        given().header("If-None-Match", created).header("Prefer", "wait=1").get("/read-models/tasks/" + task)
                .then().statusCode(304).header("ETag", equalTo(created)).header("Preference-Applied", equalTo("wait=1"))
                .body(emptyString());
        assertTrue(System.nanoTime() - asked >= Duration.ofSeconds(1).toNanos(), "did not wait");
    }

    @Test
    void aReadOfAnotherStateOrWithoutATagIsAnsweredAtOnce() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        created(plan, task, UUID.randomUUID(), UUID.randomUUID());

        // answered at once, so no wait was applied: saying so would pass the state off as the change waited for
        given().header("If-None-Match", "\"0-0\"").header("Prefer", "wait=100").get("/read-models/tasks/" + task)
                .then().statusCode(200).body("version", equalTo(1)).header("Preference-Applied", nullValue());
        // Nothing to wait for a change of: the preference does not apply.
        given().header("Prefer", "wait=100").get("/read-models/tasks/" + task)
                .then().statusCode(200).header("Preference-Applied", nullValue());
        given().header("If-None-Match", "*").header("Prefer", "wait=100").get("/read-models/tasks/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // A preference the service cannot read is ignored (RFC 7240), not refused.
        given().header("If-None-Match", "\"0-0\"").header("Prefer", "wait=soon").get("/read-models/tasks/" + task)
                .then().statusCode(200).header("Preference-Applied", nullValue());
    }

    /**
     * A system that wrote to tasks-service holds tasks-service's ETag, the bare version ("1"), not this
     * service's "1-0" (integrity review L3: it matched nothing, so the read was answered at once with
     * the state before the write, and said it had waited). The bare version names every state up to it.
     */
    @Test
    void aWriterWaitsWithTasksServicesEtagUntilTheReadModelPassesThatVersion() throws Exception {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        String created = created(plan, task, area, problem);

        given().header("If-None-Match", "\"1\"").get("/read-models/tasks/" + task)
                .then().statusCode(304).header("ETag", equalTo(created)).body(emptyString());
        // a version the read model has passed: the task at once, with no wait said to be taken
        given().header("If-None-Match", "\"0\"").header("Prefer", "wait=100").get("/read-models/tasks/" + task)
                .then().statusCode(200).body("version", equalTo(1)).header("Preference-Applied", nullValue());
        // the gateway's weak form too; held for the wait, nothing came
        given().header("If-None-Match", "W/\"1\"").header("Prefer", "wait=1").get("/read-models/tasks/" + task)
                .then().statusCode(304).header("Preference-Applied", equalTo("wait=1"));

        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given()
                .header("If-None-Match", "\"1\"").header("Prefer", "wait=100")
                .get("/read-models/tasks/" + task));
        ContractEvents.sendTask("TaskProgressReported", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 2,
                Map.of("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "MONTHLY",
                        "periodStart", "2025-05-01", "periodEnd", "2025-05-31", "percentComplete", 40,
                        "text", "五月进展", "reporter", "李处长", "reportedAt", "2025-06-01T09:00:00+08:00")));
        held.get(WAIT.toSeconds(), TimeUnit.SECONDS).then().statusCode(200).body("version", equalTo(2))
                .body("progressReports", hasSize(1)).header("ETag", equalTo("\"2-1\""));
        given().header("If-None-Match", "\"2\"").get("/read-models/tasks/" + task)
                .then().statusCode(304).header("ETag", equalTo("\"2-1\""));
    }

    private static String created(ContractEvents plan, UUID task, UUID area, UUID problem) {
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 1);
        await().atMost(WAIT).untilAsserted(() -> given().get("/read-models/tasks/" + task).then().statusCode(200));
        return given().get("/read-models/tasks/" + task).then().statusCode(200).extract().header("ETag");
    }
}
