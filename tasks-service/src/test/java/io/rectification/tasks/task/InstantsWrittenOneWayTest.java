package io.rectification.tasks.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One way of writing an instant (docs/architecture.md, "Instants"): a time the service's clock made
 * and a time read back from PostgreSQL (which gives them at UTC) are written alike, at the
 * organisation's offset, in one answer, in the audit trail and in the event. Before, a look-back
 * review's answer said {@code reviewedAt …+08:00} beside {@code reviewedVerifiedAt …Z}.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class InstantsWrittenOneWayTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void aClockTimeAndADatabaseTimeAreWrittenAtTheOrganisationsOffset() throws Exception {
        AdjustableClock.pinAt(Instant.parse("2025-03-31T02:00:00Z")); // 10:00 in Shanghai
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("盘活闲置资产", "2025-06-30", "TIME_BOUND", ""));
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(TaskLifecycleTest.EVIDENCE).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification").then().statusCode(200)
                .body("verifiedAt", equalTo("2025-03-31T10:00:00+08:00"));

        AdjustableClock.pinAt(Instant.parse("2025-06-30T16:10:00Z")); // ten past midnight on 1 July in Shanghai
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            // reviewedAt is the clock's, reviewedVerifiedAt the close-out read back from the database
            given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                    .body("{\"outcome\":\"CONFIRMED\",\"reason\":\"台账完整\"}")
                    .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                    .body("reviewedAt", equalTo("2025-07-01T00:10:00+08:00"))
                    .body("reviewedVerifiedAt", equalTo("2025-03-31T10:00:00+08:00"))
                    .body("task.verifiedAt", equalTo("2025-03-31T10:00:00+08:00"))
                    .body("task.lastLookBack.at", equalTo("2025-07-01T00:10:00+08:00"));

            EventEnvelope reviewed = probe.await(e -> taskId.equals(e.subject())
                    && "CONFIRMED".equals(e.data().path("task").path("lastLookBack").path("outcome").asText()),
                    Duration.ofSeconds(30));
            JsonNode task = reviewed.data().path("task");
            assertEquals("2025-03-31T10:00:00+08:00", task.path("verifiedAt").asText());
            assertEquals("2025-07-01T00:10:00+08:00", task.path("lastLookBack").path("at").asText());
            // the envelope's own time (the moment of writing, by the service's clock) as it went over the wire
            ConsumerRecord<String, String> record = probe.drain(Duration.ZERO).stream()
                    .filter(r -> r.value().contains(reviewed.id())).findFirst().orElseThrow();
            assertEquals("2025-07-01T00:10:00+08:00", JSON.readTree(record.value()).path("time").asText());
            assertEquals(Instant.parse("2025-06-30T16:10:00Z"), reviewed.time().toInstant());
        }

        // read back from the database in a request of its own
        given().get("/tasks/" + taskId).then().statusCode(200)
                .body("verifiedAt", equalTo("2025-03-31T10:00:00+08:00"))
                .body("lastLookBack.at", equalTo("2025-07-01T00:10:00+08:00"));
        given().get("/tasks/" + taskId + "/look-back-reviews").then().statusCode(200)
                .body("reviewedAt", equalTo(List.of("2025-07-01T00:10:00+08:00")))
                .body("reviewedVerifiedAt", equalTo(List.of("2025-03-31T10:00:00+08:00")));
        JsonPath audit = given().get("/tasks/" + taskId + "/audit").then().statusCode(200)
                .body("at", everyItem(endsWith("+08:00")))
                .extract().jsonPath();
        List<String> at = audit.getList("at");
        assertEquals("2025-07-01T00:10:00+08:00", at.get(at.size() - 1), "the audit trail's time is the clock's");
        assertEquals("2025-03-31T10:00:00+08:00", audit.getString("after[-1].verifiedAt"));
    }
}
