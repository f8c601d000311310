package io.rectification.reporting.metrics;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.ContractEvents;
import io.rectification.platform.events.OutboxMetrics;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class MetricsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void gaugesShowTheSameFiguresAsTheDashboardApi() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskVerified", plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "VERIFIED",
                "2025-03-31"), 2);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(UUID.randomUUID(), publication, "WEB", "ANSWERED",
                "2025-11-07T08:00:00+08:00").put("answeredAt", "2025-11-08T08:00:00+08:00"), 3, Map.of());
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/dashboard/feedback").then().body("answered", equalTo(1)));

        // other events may arrive meanwhile on the shared test topics: the figures must meet at a quiet moment
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            // the gauges count every task, whatever its problem's source; the dashboard by default only the findings'
            int verified = given().queryParam("source", "ALL").when().get("/dashboard/summary").then()
                    .extract().path("byState.VERIFIED");
            int received = given().when().get("/dashboard/feedback").then().extract().path("received");
            int answered = given().when().get("/dashboard/feedback").then().extract().path("answered");
            assertTrue(verified >= 1);
            assertEquals(verified, sum(metrics, "rectification_tasks\\{state=\"VERIFIED\",unit=\"[^\"]*\"\\}"));
            assertEquals(received, value(metrics, "rectification_feedback_received"));
            assertEquals(answered, value(metrics, "rectification_feedback_answered"));
            assertTrue(sum(metrics, "rectification_tasks_overdue\\{unit=\"[^\"]*\"\\}") >= 0);
        });
    }

    @Inject
    ReadModelMetrics readModelMetrics;

    /**
     * Tasks count under their responsible unit, by state; a unit whose last overdue task moved to
     * another unit falls to 0 (it does not vanish), and a task without a unit counts under 未指定.
     */
    @Test
    void tasksAndOverdueTasksAreCountedPerResponsibleUnit() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = "第一测试局" + suffix;
        String second = "第二测试局" + suffix;
        ContractEvents plan = new ContractEvents();
        UUID verified = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        ContractEvents.sendTask("TaskVerified", plan.task(verified, UUID.randomUUID(), UUID.randomUUID(), 1, "VERIFIED",
                "2025-03-31").put("responsibleUnit", first), 2);
        ContractEvents.sendTask("TaskCreated", plan.task(late, UUID.randomUUID(), UUID.randomUUID(), 2, "IN_PROGRESS",
                "2025-01-31").put("responsibleUnit", first), 1);
        // claimed after the same deadline: waiting on the supervisor, not overdue (the platform's one rule)
        ContractEvents.sendTask("TaskCompletionClaimed", plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 4,
                "COMPLETION_CLAIMED", "2025-01-31").put("responsibleUnit", first), 3);
        await().atMost(WAIT).untilAsserted(() -> {
            readModelMetrics.refresh();
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertEquals(1, value(metrics, tasks("VERIFIED", first)));
            assertEquals(1, value(metrics, tasks("IN_PROGRESS", first)));
            assertEquals(1, value(metrics, tasks("COMPLETION_CLAIMED", first)));
            assertEquals(1, value(metrics, overdue(first)));
        });

        ContractEvents.sendTask("TaskUpdated", plan.task(late, UUID.randomUUID(), UUID.randomUUID(), 2, "IN_PROGRESS",
                "2025-01-31").put("responsibleUnit", second), 2);
        await().atMost(WAIT).untilAsserted(() -> {
            readModelMetrics.refresh();
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertEquals(0, value(metrics, tasks("IN_PROGRESS", first)));
            assertEquals(0, value(metrics, overdue(first)));
            assertEquals(1, value(metrics, tasks("IN_PROGRESS", second)));
            assertEquals(1, value(metrics, overdue(second)));
            assertEquals(1, value(metrics, tasks("VERIFIED", first)), "the closed task stays with its unit");
        });

        UUID unassigned = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(unassigned, UUID.randomUUID(), UUID.randomUUID(), 3, "ASSIGNED",
                "2099-12-31").putNull("responsibleUnit"), 1);
        await().atMost(WAIT).untilAsserted(() -> {
            readModelMetrics.refresh();
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(value(metrics, tasks("ASSIGNED", ReadModelMetrics.NO_UNIT)) >= 1, metrics);
        });
    }

    private static String tasks(String state, String unit) {
        return "rectification_tasks\\{state=\"" + state + "\",unit=\"" + Pattern.quote(unit) + "\"\\}";
    }

    private static String overdue(String unit) {
        return "rectification_tasks_overdue\\{unit=\"" + Pattern.quote(unit) + "\"\\}";
    }

    @Inject
    DataSource dataSource;

    @Inject
    OutboxMetrics outboxMetrics;

    /** An event an hour in the outbox and not on Kafka shows as backlog with its age (the alerts read these). */
    @Test
    void theOutboxBacklogAndItsAgeAreGauges() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope, created_at) "
                    + "VALUES ('" + id + "', 'rectification.tasks.v1', 'Test', 'metrics', 'Test', '{}', now() - interval '1 hour')");
        }
        try {
            outboxMetrics.refresh();
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(value(metrics, "rectification_outbox_backlog") >= 1, metrics);
            assertTrue(value(metrics, "rectification_outbox_oldest_age_seconds") >= 3600, metrics);
            assertEquals(0, value(metrics, "rectification_outbox_metrics_failed"));
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM outbox_event WHERE id = '" + id + "'");
            }
        }
    }

    @Inject
    io.rectification.reporting.notice.NoticeFailureMetrics noticeFailures;

    /**
     * A mail given up after its last try and a webhook call DEAD show in gauges the alerts read
     * (operator review #6): counted from the tables, so each is counted once, however many replicas.
     */
    @Test
    void noticesGivenUpForGoodAreGauges() throws Exception {
        noticeFailures.refresh();
        String before = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        long mails = value(before, "rectification_notice_mails_failed");
        long webhooks = value(before, "rectification_notice_webhooks_dead");
        String cause = "metrics-test|" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body, state, attempts,"
                    + " next_attempt_at, last_error, created_at) VALUES ('" + cause + "', 'zhangsan', 'zhangsan@example.test',"
                    + " 'OVERDUE', 's', 'b', 'FAILED', 5, now(), '535 authentication failed', now())");
            statement.executeUpdate("INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body, state, attempts,"
                    + " next_attempt_at, created_at) VALUES ('" + cause + "', 'lisi', 'lisi@example.test',"
                    + " 'OVERDUE', 's', 'b', 'PENDING', 1, now(), now())");
            statement.executeUpdate("INSERT INTO notice_webhook (cause_key, endpoint, body, state, attempts, next_attempt_at,"
                    + " last_status, created_at) VALUES ('" + cause + "', 'https://hooks.example.test/x', '{}', 'DEAD', 8, now(), 500, now())");
        }
        try {
            noticeFailures.refresh();
            String after = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertEquals(mails + 1, value(after, "rectification_notice_mails_failed"), "the FAILED mail, not the PENDING one");
            assertEquals(webhooks + 1, value(after, "rectification_notice_webhooks_dead"));
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM notice_mail WHERE cause_key = '" + cause + "'");
                statement.executeUpdate("DELETE FROM notice_webhook WHERE cause_key = '" + cause + "'");
            }
        }
    }

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<io.rectification.platform.events.EventHandler> handlers;

    /** Each consumer's count of dead letters is exported from the start, at 0 before the first (operator review #12). */
    @Test
    void everyConsumersDeadLetterCountIsExportedFromTheStart() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        int consumers = 0;
        for (io.rectification.platform.events.EventHandler handler : handlers) {
            assertTrue(value(metrics, "rectification_consumer_dead_letters_total\\{consumer=\"" + Pattern.quote(handler.consumerName())
                    + "\"\\}") >= 0);
            consumers++;
        }
        assertTrue(consumers >= 2, "reporting-service's consumers: " + consumers);
    }

    private static long sum(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\s+([0-9.eE+]+)$").matcher(metrics);
        long sum = 0;
        boolean found = false;
        while (matcher.find()) {
            sum += (long) Double.parseDouble(matcher.group(1));
            found = true;
        }
        assertTrue(found, name + " not in the metrics");
        return sum;
    }

    private static long value(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\s+([0-9.eE+]+)$").matcher(metrics);
        assertTrue(matcher.find(), name + " not in the metrics");
        return (long) Double.parseDouble(matcher.group(1));
    }
}
