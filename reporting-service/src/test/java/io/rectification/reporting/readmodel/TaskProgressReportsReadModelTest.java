package io.rectification.reporting.readmodel;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A task's read model holds its latest progress reports and their number, not every report it ever
 * had; the whole history is read a page at a time, the latest first.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskProgressReportsReadModelTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int REPORTS = 25;

    @Test
    void theTaskHoldsItsLatestReportsAndTheHistoryIsPaged() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-12-31"), 1);
        for (int week = 1; week <= REPORTS; week++) {
            ContractEvents.sendTask("TaskProgressReported", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-12-31"),
                    week + 1, report(week));
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/read-models/tasks/" + task).then().statusCode(200)
                .body("progressReportCount", equalTo(REPORTS))
                .body("progressReports", hasSize(20))
                .body("progressReports[0].text", equalTo("第6周"))
                .body("progressReports[19].text", equalTo("第25周"))
                .header("ETag", equalTo("\"26-25\"")));

        given().queryParam("size", 10).get("/read-models/tasks/" + task + "/progress-reports").then().statusCode(200)
                .body("total", equalTo(REPORTS)).body("items", hasSize(10))
                .body("items[0].text", equalTo("第25周")).body("items[9].text", equalTo("第16周"));
        given().queryParam("size", 10).queryParam("page", 2).get("/read-models/tasks/" + task + "/progress-reports")
                .then().statusCode(200).body("items", hasSize(5)).body("items[4].text", equalTo("第1周"))
                .body("items[4].reportedAt", equalTo("2025-01-06T09:00:00+08:00"));
    }

    @Test
    void aBadPageOrAnUnknownTaskIsAProblem() {
        given().queryParam("size", 0).get("/read-models/tasks/" + UUID.randomUUID() + "/progress-reports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).get("/read-models/tasks/" + UUID.randomUUID() + "/progress-reports")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/read-models/tasks/" + UUID.randomUUID() + "/progress-reports")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/read-models/tasks/not-an-id/progress-reports")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    /** The report of week {@code week} of 2025, reported on its Monday at 09:00 in Shanghai. */
    private static Map<String, Object> report(int week) {
        LocalDate monday = LocalDate.of(2025, 1, 6).plusWeeks(week - 1);
        return Map.of("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "WEEKLY",
                "periodStart", monday.minusWeeks(1).toString(), "periodEnd", monday.minusDays(1).toString(),
                "percentComplete", week * 4, "text", "第" + week + "周", "reporter", "李处长",
                "reportedAt", monday + "T09:00:00+08:00"));
    }
}
