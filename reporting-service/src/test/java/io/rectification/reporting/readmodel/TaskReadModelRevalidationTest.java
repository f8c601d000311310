package io.rectification.reporting.readmodel;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A task's read model polled with If-None-Match: 304 while nothing changed, the new state once anything did. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskReadModelRevalidationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPollGetsNotModifiedUntilTheTaskOrItsReportsChange() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 1);
        await().atMost(WAIT).untilAsserted(() -> given().get("/read-models/tasks/" + task).then().statusCode(200));
        String created = given().get("/read-models/tasks/" + task).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", created).get("/read-models/tasks/" + task)
                .then().statusCode(304).header("ETag", equalTo(created)).body(emptyString());
        given().header("If-None-Match", "W/" + created).get("/read-models/tasks/" + task).then().statusCode(304);
        given().header("If-None-Match", "\"1-7\", " + created).get("/read-models/tasks/" + task).then().statusCode(304);

        ContractEvents.sendTask("TaskProgressReported", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 2,
                report("五月进展"));
        await().atMost(WAIT).untilAsserted(() -> given().header("If-None-Match", created).get("/read-models/tasks/" + task)
                .then().statusCode(200).body("version", equalTo(2)).body("progressReports", hasSize(1)));
        String reported = given().get("/read-models/tasks/" + task).then().extract().header("ETag");
        assertNotEquals(created, reported);

        // A report of an older version arriving late is kept without changing the version: the tag
        // still changes, or a poller would never see that report.
        ContractEvents.sendTask("TaskProgressReported", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 1,
                report("四月进展（迟到）"));
        await().atMost(WAIT).untilAsserted(() -> given().header("If-None-Match", reported).get("/read-models/tasks/" + task)
                .then().statusCode(200).body("version", equalTo(2)).body("progressReports", hasSize(2))
                .header("ETag", not(equalTo(reported))));
    }

    @Test
    void anUnknownTaskIsNotFoundWhateverTheTag() {
        given().header("If-None-Match", "*").get("/read-models/tasks/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("If-None-Match", "\"1-0\"").get("/read-models/tasks/not-an-id")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    private static Map<String, Object> report(String text) {
        return Map.of("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "MONTHLY",
                "periodStart", "2025-05-01", "periodEnd", "2025-05-31", "percentComplete", 40,
                "text", text, "reporter", "李处长", "reportedAt", "2025-06-01T09:00:00+08:00"));
    }
}
