package io.rectification.tasks.followup;

import io.rectification.platform.testing.PinnedClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.rectification.platform.testing.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The follow-up job's events, with the job triggered directly at a time of the test's choosing. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FollowUpTest {

    /** 23:30 on 30 Nov in Asia/Shanghai: the first daily report is due on 1 December, all of that day. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-11-30T15:30:00Z");

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    FollowUps followUps;

    @Inject
    ProgressReportMissingCheck missingReports;

    @Inject
    LookBackDueCheck lookBacks;

    @Test
    void aMissingProgressReportIsPublishedOncePerTaskAndPeriod() {
        String problemId = Fixtures.freshProblem();
        String daily = Fixtures.task(problemId, Fixtures.taskJson("每日报告整改进展", "2099-12-31", "TIME_BOUND",
                "\"reportingCadence\":\"DAILY\""));
        String planned = Fixtures.task(problemId, Fixtures.taskJson("尚未启动", "2099-12-31", "TIME_BOUND",
                "\"reportingCadence\":\"DAILY\""));
        String noCadence = Fixtures.task(problemId, Fixtures.taskJson("无调度频次", "2099-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).post("/tasks/" + daily + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).post("/tasks/" + noCadence + "/start").then().statusCode(200);
        List<String> ours = List.of(daily, planned, noCadence);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            // on the first due day (1 December, 22:30) nothing is missing yet
            followUps.emit(missingReports, CLOCK.now().plusHours(23));
            // 00:30 on 4 December: the reports due on 1, 2 and 3 December missed, published once as the latest, however often the job runs
            OffsetDateTime threeDaysOn = CLOCK.now().plusDays(3).plusHours(1);
            followUps.emit(missingReports, threeDaysOn);
            followUps.emit(missingReports, threeDaysOn);
            followUps.emit(missingReports, threeDaysOn.plusHours(2));
            EventEnvelope first = probe.await(e -> daily.equals(e.subject())
                    && e.type().equals("TaskProgressReportMissing"), WAIT);
            assertEquals("DAILY", first.data().get("cadence").asText());
            assertEquals(3, first.data().get("missedPeriods").asInt());
            OffsetDateTime expectedBy = OffsetDateTime.parse(first.data().get("expectedBy").asText());
            assertEquals(OffsetDateTime.parse("2026-12-04T00:00:00+08:00").toInstant(), expectedBy.toInstant(),
                    "expected by the end of its due day, 3 December");
            assertEquals(CLOCK.now().plusDays(2).toInstant(),
                    OffsetDateTime.parse(first.data().get("periodStart").asText()).toInstant(), "the third period began on 2 December");
            long before = first.aggregateversion();
            // the next period is a new missing report
            followUps.emit(missingReports, CLOCK.now().plusDays(4).plusHours(1));
            EventEnvelope second = probe.await(e -> daily.equals(e.subject())
                    && e.type().equals("TaskProgressReportMissing") && e.data().get("missedPeriods").asInt() == 4, WAIT);
            assertEquals(4, second.data().get("missedPeriods").asInt());
            assertEquals(before + 1, second.aggregateversion(), "each notice moves the task's version");

            assertEquals(List.of(daily + " 3", daily + " 4"), published(probe, ours, "TaskProgressReportMissing", "missedPeriods"),
                    "no repeat, nothing for a planned task or one without a cadence");
        }
    }

    @Test
    void aLookBackReviewFallingDueIsPublishedOncePerTaskAndDueDate() {
        String problemId = Fixtures.freshProblem();
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("规范资产管理", "2099-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "资产台账", "reference", "国有资产管理台账", "date", "2024-10-08"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification")
                .then().statusCode(200);
        LocalDate firstDue = LocalDate.parse(given().get("/tasks/" + taskId).then().extract().path("nextLookBackDue"));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            followUps.emit(lookBacks, onDay(firstDue.minusDays(1)));
            followUps.emit(lookBacks, onDay(firstDue));
            followUps.emit(lookBacks, onDay(firstDue));
            followUps.emit(lookBacks, onDay(firstDue.plusDays(10)));
            EventEnvelope due = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskLookBackDue"), WAIT);
            assertEquals(firstDue.toString(), due.data().get("dueDate").asText());
            assertEquals(1, due.data().get("review").asInt());
            assertEquals(3, due.data().get("monthsAfterCloseOut").asInt());
            assertEquals(firstDue.toString(), due.data().get("task").get("nextLookBackDue").asText());

            // the review held moves the next one to six months after close-out: a new notice then
            given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                    .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201);
            LocalDate secondDue = LocalDate.parse(given().get("/tasks/" + taskId).then().extract().path("nextLookBackDue"));
            followUps.emit(lookBacks, onDay(secondDue));
            EventEnvelope next = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskLookBackDue")
                    && e.data().get("review").asInt() == 2, WAIT);
            assertEquals(secondDue.toString(), next.data().get("dueDate").asText());
            assertEquals(2, next.data().get("review").asInt());
            assertEquals(6, next.data().get("monthsAfterCloseOut").asInt());
            assertTrue(next.aggregateversion() > due.aggregateversion());

            assertEquals(List.of(taskId + " " + firstDue, taskId + " " + secondDue),
                    published(probe, List.of(taskId), "TaskLookBackDue", "dueDate"), "published once per due date");
        }
    }

    /** Noon of {@code day} in the organisation's zone. */
    private static OffsetDateTime onDay(LocalDate day) {
        return day.atTime(12, 0).atZone(AdjustableClock.ZONE).toOffsetDateTime();
    }

    /** Every event of {@code type} about {@code ours} on the topic, as "subject member", once the topic is quiet. */
    private static List<String> published(EventProbe probe, List<String> ours, String type, String member) {
        return probe.drain(Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).map(EventProbe::parse)
                .filter(Objects::nonNull).filter(e -> e.type().equals(type) && ours.contains(e.subject()))
                .map(e -> e.subject() + " " + e.data().get(member).asText()).toList();
    }
}
