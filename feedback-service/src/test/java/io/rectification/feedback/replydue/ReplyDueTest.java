package io.rectification.feedback.replydue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Reply deadlines become FeedbackReplyDueSoon / FeedbackReplyOverdue, once per feedback and kind,
 * counted in Asia/Shanghai days: the clock is pinned to the seconds around midnight there (16:00 UTC)
 * and around a month end.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReplyDueTest {

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");
    static final List<String> KINDS = List.of(ReplyDueCheck.DUE_SOON, ReplyDueCheck.OVERDUE);

    @Inject
    ReplyDueJob job;

    @Inject
    ReplyDueCheck check;

    @Inject
    AgroalDataSource dataSource;

    /** The reply notices {@link #notices} has answered so far in this test. */
    final Set<String> told = new HashSet<>();

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    /** A publication open through January 2026 (Shanghai), and a web submission at {@code at}. */
    static String[] submitAt(String publication, String at, String category) {
        AdjustableClock.pinAt(Instant.parse(at));
        String code = Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"反映补偿款兑付问题。\"" + (category == null ? "" : ",\"category\":\"" + category + "\"") + "}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String id = given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication).queryParam("size", 100)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.trackingCode == '" + code + "' }.id");
        return new String[]{id, code};
    }

    static String january() {
        return Publications.create(Publications.json(UUID.randomUUID(), LocalDateTime.parse("2026-01-01T00:00:00"),
                LocalDateTime.parse("2026-01-31T23:59:59"), null));
    }

    /** Runs the scheduled job at {@code at} and answers the reply notices it published for {@code feedbackId}. */
    List<EventEnvelope> runAt(String at, String feedbackId) {
        AdjustableClock.pinAt(Instant.parse(at));
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            job.run();
            return notices(probe, feedbackId);
        }
    }

    /**
     * The reply notices for {@code feedbackId} published since the last look, as read from the topic.
     * Which they are is known from the outbox, where the job's transaction put them before it returned;
     * each is then awaited on the topic. So a run that published nothing is seen at once, where waiting
     * for the topic to stay quiet took seconds a run.
     */
    List<EventEnvelope> notices(EventProbe probe, String feedbackId) {
        List<EventEnvelope> found = new ArrayList<>();
        for (String eventId : outboxNotices(feedbackId)) {
            if (told.add(eventId)) {
                EventEnvelope notice = probe.await(event -> eventId.equals(event.id()), Duration.ofSeconds(60));
                EVENTS.assertPublished(probe.record(notice));
                found.add(notice);
            }
        }
        return found;
    }

    private List<String> outboxNotices(String feedbackId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id::text FROM outbox_event WHERE aggregate_id = ? AND event_type = ANY (?) ORDER BY seq")) {
            query.setString(1, feedbackId);
            query.setArray(2, connection.createArrayOf("text", KINDS.toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dueSoonAndOverdueFollowMidnightInShanghaiOnceEach() {
        String publication = january();
        // 01:30 on 16 January in Shanghai is still 15 January in UTC; a complaint is due in 10 days
        String[] feedback = submitAt(publication, "2026-01-15T17:30:00Z", "COMPLAINT");
        String id = feedback[0];
        Clients.citizen().when().get("/feedback/track/" + feedback[1]).then().body("replyDueDate", equalTo("2026-01-26"));

        assertEquals(List.of(), runAt("2026-01-23T15:59:59Z", id), "23:59:59 on the 23rd: three days left");
        List<EventEnvelope> soon = runAt("2026-01-23T16:00:00Z", id);
        assertEquals(1, soon.size(), "00:00 on the 24th: due in two days");
        EventEnvelope dueSoon = soon.get(0);
        assertEquals(ReplyDueCheck.DUE_SOON, dueSoon.type());
        assertEquals("Feedback", dueSoon.aggregatetype());
        assertEquals(id, dueSoon.data().path("feedbackId").asText());
        assertEquals(publication, dueSoon.data().path("publicationId").asText());
        assertEquals("COMPLAINT", dueSoon.data().path("category").asText());
        assertEquals("2026-01-26", dueSoon.data().path("replyDueDate").asText());
        assertEquals(-2, dueSoon.data().path("daysOverdue").asInt());
        assertFalse(dueSoon.toString().contains("补偿款"), "no text of the public in the event");

        assertEquals(List.of(), runAt("2026-01-24T04:00:00Z", id), "once per feedback and kind");
        assertEquals(List.of(), runAt("2026-01-26T15:59:59Z", id), "the last second of the reply date is in time");
        List<EventEnvelope> overdue = runAt("2026-01-26T16:00:00Z", id);
        assertEquals(1, overdue.size(), "00:00 on the 27th in Shanghai: overdue");
        assertEquals(ReplyDueCheck.OVERDUE, overdue.get(0).type());
        assertEquals(1, overdue.get(0).data().path("daysOverdue").asInt());
        assertEquals("2026-01-26", overdue.get(0).data().path("replyDueDate").asText());
        assertEquals(List.of(), runAt("2026-01-28T16:00:00Z", id), "overdue is told once");
    }

    @Test
    void aMonthEndIsCountedInCalendarDaysAndOnlyFeedbackOwedAnAnswerCounts() {
        String publication = january();
        // 10:00 on 16 January; no category chosen: the default 15 days, due 31 January
        String[] open = submitAt(publication, "2026-01-16T02:00:00Z", null);
        String[] answered = submitAt(publication, "2026-01-16T02:00:01Z", "OPINION");
        given().header("X-Actor", "wang.kezhang").contentType(ContentType.JSON).body("{\"category\":\"OPINION\"}")
                .post("/feedback/" + answered[0] + "/triage").then().statusCode(200);
        given().header("X-Actor", "wang.kezhang").contentType(ContentType.JSON).body("{\"answer\":\"已答复。\"}")
                .post("/feedback/" + answered[0] + "/answer").then().statusCode(200);

        AdjustableClock.pinAt(Instant.parse("2026-01-31T16:00:00Z")); // 00:00 on 1 February in Shanghai
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            job.run();
            List<EventEnvelope> published = notices(probe, open[0]);
            assertEquals(1, published.size(), "never told due soon (the check did not run then): only overdue");
            EventEnvelope overdue = published.get(0);
            assertEquals(ReplyDueCheck.OVERDUE, overdue.type());
            assertEquals("2026-01-31", overdue.data().path("replyDueDate").asText());
            assertEquals(1, overdue.data().path("daysOverdue").asInt());
            assertNull(overdue.data().path("category").textValue());
            assertEquals(List.of(), notices(probe, answered[0]), "an answered feedback is owed nothing");
        }
    }

    @Test
    void twoInstancesCheckingAtOncePublishEachNoticeOnce() throws Exception {
        String publication = january();
        String[] feedback = submitAt(publication, "2026-01-10T02:00:00Z", "MISCONDUCT_REPORT"); // due 15 January
        OffsetDateTime now = OffsetDateTime.parse("2026-01-20T02:00:00Z");
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            var first = CompletableFuture.supplyAsync(() -> check.emit(now));
            var second = CompletableFuture.supplyAsync(() -> check.emit(now));
            first.get();
            second.get();
            List<EventEnvelope> published = notices(probe, feedback[0]);
            assertEquals(1, published.size(), published.toString());
            assertEquals(5, published.get(0).data().path("daysOverdue").asInt());
        }
    }
}
