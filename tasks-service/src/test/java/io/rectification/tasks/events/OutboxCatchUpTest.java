package io.rectification.tasks.events;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.events.OutboxRelay;
import io.rectification.platform.testing.EventProbe;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With delivery to Kafka stopped the API keeps working; restored, every event goes out exactly once, in order. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class OutboxCatchUpTest {

    @Inject
    OutboxRelay relay;

    /** Where the relay is switched on, readiness reports it (reporting-service, where it is off, does not: NoOutboxRelayTest). */
    @Test
    void readinessReportsTheRelayWhereItRuns() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.data.published", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void changesMadeWhileDeliveryIsStoppedArePublishedOnceWhenItResumes() {
        String problemId = Fixtures.freshProblem();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            relay.stop();
            String taskId;
            try {
                taskId = Fixtures.task(problemId, Fixtures.taskJson("强化履约监管", "2099-12-31", "TIME_BOUND", ""));
                given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
                given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                        .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                                "text", "制定出台相关内部文件", "percentComplete", 40))
                        .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
                String id = taskId;
                long whileStopped = probe.drain(Duration.ofSeconds(2)).stream()
                        .map(r -> EventProbe.parse(r.value())).filter(Objects::nonNull)
                        .filter(e -> id.equals(e.subject())).count();
                assertEquals(0, whileStopped, "nothing is delivered while the relay is stopped");
            } finally {
                relay.start();
            }
            String id = taskId;
            probe.await(e -> id.equals(e.subject()) && e.type().equals("TaskProgressReported"), Duration.ofSeconds(60));
            List<EventEnvelope> ours = probe.drain(Duration.ofSeconds(2)).stream()
                    .map(ConsumerRecord::value).map(EventProbe::parse).filter(Objects::nonNull)
                    .filter(e -> id.equals(e.subject())).toList();
            assertEquals(List.of("TaskCreated", "TaskUpdated", "TaskProgressReported"),
                    ours.stream().map(EventEnvelope::type).toList(), "each once, in the order of the changes");
            Map<String, Long> perId = ours.stream().collect(Collectors.groupingBy(EventEnvelope::id, Collectors.counting()));
            assertTrue(perId.values().stream().allMatch(n -> n == 1), perId.toString());
            assertEquals(List.of(0L, 1L, 2L), ours.stream().map(EventEnvelope::aggregateversion).toList());
        }
    }
}
