package io.rectification.tasks.followup;

import io.rectification.platform.testing.PinnedClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class OverdueTest {

    /** 00:30 on 30 Nov in Asia/Shanghai, still the 29th in UTC: "today" is the organisation's day. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-11-29T16:30:00Z");

    @Inject
    FollowUps followUps;

    @Inject
    OverdueCheck overdue;

    @Test
    void overdueIsPublishedOncePerTaskAndDueDate() {
        String problemId = Fixtures.freshProblem();
        String late = Fixtures.task(problemId, Fixtures.taskJson("强化履约监管", "2024-05-01", "TIME_BOUND", ""));
        String longTerm = Fixtures.task(problemId, Fixtures.taskJson("建立长效监管机制", "2099-12-31", "LONG_TERM",
                "\"milestones\":[{\"title\":\"制定内部文件\",\"dueDate\":\"2024-06-01\"}]"));
        String onTime = Fixtures.task(problemId, Fixtures.taskJson("补足防范风险短板", "2099-12-31", "TIME_BOUND", ""));
        List<String> ours = List.of(late, longTerm, onTime);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            followUps.emit(overdue, CLOCK.now());
            followUps.emit(overdue, CLOCK.now());
            probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskOverdue"), Duration.ofSeconds(60));
            probe.await(e -> longTerm.equals(e.subject()) && e.type().equals("TaskOverdue"), Duration.ofSeconds(60));
            // a moved deadline that is still past becomes overdue anew, once
            String version = given().get("/tasks/" + late).then().extract().header("ETag");
            given().contentType(ContentType.JSON).header("If-Match", version).body("{\"deadline\":\"2024-06-30\",\"deadlineChangeReason\":\"延期\"}")
                    .patch("/tasks/" + late).then().statusCode(200);
            followUps.emit(overdue, CLOCK.now());
            followUps.emit(overdue, CLOCK.now());
            probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskOverdue")
                    && e.data().get("dueDate").asText().equals("2024-06-30"), Duration.ofSeconds(60));

            List<EventEnvelope> overdueEvents = probe.drain(Duration.ofSeconds(1)).stream()
                    .map(ConsumerRecord::value).map(EventProbe::parse).filter(Objects::nonNull)
                    .filter(e -> e.type().equals("TaskOverdue") && ours.contains(e.subject())).toList();
            assertEquals(List.of("2024-05-01|DEADLINE", "2024-06-01|MILESTONE", "2024-06-30|DEADLINE"),
                    overdueEvents.stream().map(e -> e.data().get("dueDate").asText() + "|" + e.data().get("what").asText())
                            .sorted().toList());
            EventEnvelope milestone = overdueEvents.stream().filter(e -> longTerm.equals(e.subject())).findFirst().orElseThrow();
            assertEquals(given().get("/tasks/" + longTerm).then().extract().<String>path("milestones[0].id"),
                    milestone.data().get("milestoneId").asText());
        }
    }

    @Test
    void aClaimStopsTheOverdueNoticesAndItsRejectionStartsANewEpisodeNoticedOnce() {
        String late = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("清退违规收费", "2024-05-01", "TIME_BOUND", ""));
        given().post("/tasks/" + late + "/start").then().statusCode(200);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            followUps.emit(overdue, CLOCK.now());
            probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskOverdue"), Duration.ofSeconds(60));
            given().contentType(ContentType.JSON).body("""
                    {"type":"LEDGER","title":"收费台账","reference":"台账","date":"2024-10-08"}""")
                    .post("/tasks/" + late + "/evidence").then().statusCode(201);
            given().header("X-Actor", "li.ke").post("/tasks/" + late + "/completion-claim").then().statusCode(200);
            // claimed, the task waits on the supervisor: no 【任务逾期】 for it
            assertTrue(overdue.dueAt(CLOCK.now()).stream().noneMatch(n -> n.task().id.toString().equals(late)));
            followUps.emit(overdue, CLOCK.now());
            given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").body("{\"reason\":\"佐证材料不全\"}")
                    .post("/tasks/" + late + "/completion-rejection").then().statusCode(200);
            // rejected after the deadline: overdue again, a new episode, noticed once however often the check runs
            followUps.emit(overdue, CLOCK.now());
            followUps.emit(overdue, CLOCK.now());
            probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskOverdue")
                    && e.data().get("task").get("lastRejection").isObject(), Duration.ofSeconds(60));
            List<String> types = probe.drain(Duration.ofSeconds(1)).stream()
                    .map(ConsumerRecord::value).map(EventProbe::parse).filter(Objects::nonNull)
                    .filter(e -> late.equals(e.subject())).map(EventEnvelope::type)
                    .filter(type -> !type.equals("TaskUpdated")).toList();
            assertEquals(List.of("TaskOverdue", "TaskCompletionClaimed", "TaskCompletionRejected", "TaskOverdue"), types);
        }
    }

    @Test
    void overdueMovesTheTasksVersionButAnIfMatchReadBeforeItStillHolds() {
        String problemId = Fixtures.freshProblem();
        String late = Fixtures.task(problemId, Fixtures.taskJson("清理拖欠账款", "2024-05-01", "TIME_BOUND", ""));
        String createdAt = given().get("/tasks/" + late).then().extract().path("updatedAt");
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            followUps.emit(overdue, CLOCK.now());
            EventEnvelope event = probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskOverdue"),
                    Duration.ofSeconds(60));
            // consumers keep snapshots by version: the notice's snapshot (overdue) is a new one
            assertEquals(1L, event.aggregateversion());
            assertEquals(1L, event.data().get("task").get("version").asLong());
            assertTrue(event.data().get("task").get("overdue").asBoolean());
            given().get("/tasks/" + late).then().statusCode(200).header("ETag", containsString("1"))
                    .body("version", equalTo(1)).body("updatedAt", equalTo(createdAt));
            // nobody changed the task: a write based on the version read before the notice loses nothing
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"清理拖欠企业账款\"}")
                    .patch("/tasks/" + late).then().statusCode(200).header("ETag", containsString("2"));
            EventEnvelope updated = probe.await(e -> late.equals(e.subject()) && e.type().equals("TaskUpdated"),
                    Duration.ofSeconds(60));
            assertEquals(2L, updated.aggregateversion());
            // after a person's change, the versions before it are stale, the notice's too
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"title\":\"清理拖欠账款\"}")
                    .patch("/tasks/" + late).then().statusCode(412).body("currentVersion", equalTo(2));
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"清理拖欠账款\"}")
                    .patch("/tasks/" + late).then().statusCode(412);
            // and a version not yet reached is no version of this task: 400 naming the header
            given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"title\":\"清理拖欠账款\"}")
                    .patch("/tasks/" + late).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        }
    }
}
