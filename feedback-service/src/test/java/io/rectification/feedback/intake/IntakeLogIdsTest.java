package io.rectification.feedback.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventConsumers;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.logging.EventLogContext;
import io.rectification.platform.logging.RequestIds;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.LogCapture;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A public submission followed through the logs by its request id (docs/operations.md, "Following
 * a request"): the id the gateway sent is answered back and is on the request's line and on the
 * line of the intake batch that stored it; an id unsafe to log is replaced; a consumed event's
 * lines carry its id and trace.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class IntakeLogIdsTest {

    @Inject
    AgroalDataSource dataSource;

    LogCapture capture;

    @BeforeEach
    void listen() {
        capture = LogCapture.start();
    }

    @AfterEach
    void stopListening() {
        capture.close();
    }

    @Test
    void anAcceptedSubmissionIsFollowedFromItsRequestToItsBatch() throws InterruptedException {
        String publication = Publications.openNow();
        String requestId = "gw" + UUID.randomUUID().toString().replace("-", "");
        Response answer = submit(publication, requestId);
        assertEquals(201, answer.statusCode());
        assertEquals(requestId, answer.header(RequestIds.HEADER), "the gateway's id is answered back");
        String trackingCode = answer.path("trackingCode");

        LogCapture.Line request = capture.await(line -> requestLine(line) && requestId.equals(line.mdc("requestId")),
                "of request " + requestId, 10);
        assertTrue(request.message().matches("POST 201 \\d+ ms"), "method, status, duration: " + request.message());
        LogCapture.Line batch = capture.await(line -> line.logger().equals(GroupCommit.class.getName())
                && List.of(String.valueOf(line.mdc("requestIds")).split(",")).contains(requestId),
                "of the batch holding request " + requestId, 10);
        assertTrue(batch.message().contains("stored"), batch.message());
        assertNull(batch.mdc("requestId"), "the writer's own MDC has no single request's id");
        String traceId = request.mdc("traceId");
        assertTrue(traceId != null && traceId.matches("[0-9a-f]{32}"), "the request's trace: " + request.mdc());
        assertTrue(String.valueOf(batch.mdc("traceIds")).contains(traceId), "the request's trace goes with it: " + batch.mdc());
        assertEquals(traceId, EventLogContext.traceId(traceparentOfEventOf(trackingCode)),
                "the event written by the batch carries the request's trace, which its consumers log");

        // A path may hold what only its holder should know: the tracking code is on no line.
        Clients.citizen().when().get("/feedback/track/" + trackingCode).then().statusCode(200);
        for (LogCapture.Line line : capture.lines()) {
            assertFalse(String.valueOf(line.message()).contains(trackingCode), "the tracking code logged: " + line);
            assertFalse(String.valueOf(line.message()).contains(publication), "a path logged: " + line);
        }
    }

    @Test
    void anIdUnsafeToLogIsReplacedAndEachRequestHasItsOwn() throws InterruptedException {
        String publication = Publications.openNow();
        String forged = "x\" level=ERROR msg=forged";
        Response first = submit(publication, forged);
        assertEquals(201, first.statusCode());
        String replaced = first.header(RequestIds.HEADER);
        assertNotEquals(forged, replaced);
        assertTrue(replaced.matches("[0-9a-f-]{36}"), "a new id: " + replaced);
        capture.await(line -> requestLine(line) && replaced.equals(line.mdc("requestId")), "of the new id", 10);

        Response second = Clients.citizen().when().get("/feedback/track/ZZZZ-ZZZZ-ZZZZ");
        String secondId = second.header(RequestIds.HEADER);
        assertTrue(secondId.matches("[0-9a-f-]{36}"), "a request without an id gets one: " + secondId);
        assertNotEquals(replaced, secondId, "the earlier request's id is gone");
        LogCapture.Line line = capture.await(l -> requestLine(l) && secondId.equals(l.mdc("requestId")),
                "of the second request", 10);
        assertTrue(line.message().startsWith("GET " + second.statusCode() + " "), line.message());
        assertTrue(capture.lines(l -> l.message() != null && l.message().contains("forged")).isEmpty(),
                "the forged id is on no line");
    }

    @Test
    void whatIsLoggedWhileAnEventIsAppliedCarriesItsIdAndTrace() throws InterruptedException {
        String eventId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8)));
        // Unreadable, so the consumer logs a line (its dead letter) while applying it.
        EventProbe.send(EventTopics.TASKS, eventId, "not an event", headers);

        LogCapture.Line deadLetter = capture.await(line -> line.logger().equals(EventConsumers.class.getName())
                && eventId.equals(line.mdc("eventId")), "while applying event " + eventId, 30);
        assertEquals(traceId, deadLetter.mdc("traceId"), deadLetter.toString());
        assertTrue(deadLetter.message().contains("dead letters"), deadLetter.message());
    }

    private String traceparentOfEventOf(String trackingCode) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT o.envelope->>'traceparent' FROM outbox_event o JOIN feedback f ON o.aggregate_id = f.id::text
                     WHERE f.tracking_code = ? AND o.event_type = 'FeedbackReceived'""")) {
            query.setString(1, trackingCode.replace("-", ""));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the FeedbackReceived of " + trackingCode);
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean requestLine(LogCapture.Line line) {
        return line.logger().equals(RequestIds.class.getName());
    }

    private static Response submit(String publication, String requestId) {
        return Clients.citizen().contentType(ContentType.JSON)
                .header(RequestIds.HEADER, requestId)
                .body("{\"text\":\"请公开整改台账。" + UUID.randomUUID() + "\"}")
                .when().post("/publications/" + publication + "/feedback");
    }
}
