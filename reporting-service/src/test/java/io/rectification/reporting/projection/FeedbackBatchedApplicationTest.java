package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.ConsumedEvents;
import io.rectification.platform.events.EventEnvelope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback events applied a poll at a time (runs of snapshot-only changes in one batch) leave the
 * read models that applying them one by one leaves: versions out of order, a repeat, the same
 * version with other content, and an escalation (a change with more than its snapshot) between
 * snapshot-only ones of the same feedback, in polls of every size.
 */
@QuarkusTest
class FeedbackBatchedApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-31T23:50:00+08:00");

    @Inject
    FeedbackEventHandler handler;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pollsOfAnySizeLeaveTheReadModelsOfOneByOneApplication() throws Exception {
        UUID inspection = UUID.randomUUID();
        List<EventEnvelope> events = sequence(inspection);

        events.forEach(event -> QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyOnce(handler, event)));
        String oneByOne = readModels(inspection);
        assertTrue(oneByOne.contains("category=COMPLAINT") && oneByOne.contains("== rm_escalation\nfeedback_id="), oneByOne);

        for (int size = 1; size <= events.size(); size++) {
            clear(inspection, events);
            for (int from = 0; from < events.size(); from += size) {
                List<EventEnvelope> poll = events.subList(from, Math.min(events.size(), from + size));
                QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyAllOnce(handler, poll));
            }
            assertEquals(oneByOne, readModels(inspection), "polls of " + size);
        }
    }

    private static List<EventEnvelope> sequence(UUID inspection) {
        UUID publication = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        EventEnvelope aReceived = change("FeedbackReceived", feedback(a, publication, inspection, "RECEIVED"), 1, 0);
        events.add(aReceived);
        // b's answer arrives before its triage and its receipt
        events.add(change("FeedbackAnswered", feedback(b, publication, inspection, "ANSWERED")
                .put("answeredAt", T0.plusMinutes(30).toString()), 3, 30));
        events.add(change("FeedbackReceived", feedback(b, publication, inspection, "RECEIVED"), 1, 1));
        events.add(change("FeedbackTriaged", feedback(b, publication, inspection, "TRIAGED"), 2, 20));
        // and its answer once more under the same version, corrected: the later one stands
        events.add(change("FeedbackAnswered", feedback(b, publication, inspection, "ANSWERED")
                .put("answeredAt", T0.plusMinutes(31).toString()).put("category", "COMPLAINT"), 3, 31));
        events.add(aReceived);
        // a: triaged twice under one version (the later wins), escalated, then closed
        events.add(change("FeedbackTriaged", feedback(a, publication, inspection, "TRIAGED").put("category", "OPINION"), 2, 10));
        events.add(change("FeedbackTriaged", feedback(a, publication, inspection, "TRIAGED").put("category", "COMPLAINT"), 2, 11));
        ObjectNode escalated = JSON.createObjectNode();
        escalated.set("feedback", feedback(a, publication, inspection, "ESCALATED"));
        escalated.putObject("escalation").put("inspectionId", inspection.toString()).put("title", "群众反映的问题")
                .put("description", "转为整改问题");
        events.add(envelope("FeedbackEscalated", a, 3, 40, escalated));
        events.add(change("FeedbackClosed", feedback(a, publication, inspection, "CLOSED")
                .put("closedAt", T0.plusMinutes(50).toString()), 4, 50));
        return events;
    }

    private static ObjectNode feedback(UUID id, UUID publication, UUID inspection, String status) {
        return JSON.createObjectNode().put("id", id.toString()).put("publicationId", publication.toString())
                .put("inspectionId", inspection.toString()).put("channel", "WEB").put("category", "SUGGESTION")
                .put("status", status).put("receivedAt", T0.toString())
                .put("replyDueAt", T0.plusDays(15).toString()).put("anonymous", true);
    }

    private static EventEnvelope change(String type, ObjectNode feedback, long version, int minutes) {
        ObjectNode data = JSON.createObjectNode();
        data.set("feedback", feedback);
        return envelope(type, UUID.fromString(feedback.get("id").asText()), version, minutes, data);
    }

    private static EventEnvelope envelope(String type, UUID subject, long version, int minutes, ObjectNode data) {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/feedback-service", type, subject.toString(),
                T0.plusMinutes(minutes), "application/json", "Feedback", version, data);
    }

    private String readModels(UUID inspection) throws Exception {
        return ReadModelDump.of(dataSource, Map.of(
                "rm_feedback", "SELECT * FROM rm_feedback WHERE inspection_id = ? ORDER BY id",
                "rm_escalation", "SELECT * FROM rm_escalation WHERE inspection_id = ? ORDER BY feedback_id"), inspection);
    }

    private void clear(UUID inspection, List<EventEnvelope> events) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("rm_escalation", "rm_feedback")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE inspection_id = ?")) {
                    delete.setObject(1, inspection);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM consumed_event WHERE consumer = ? AND event_id = ANY(?)")) {
                delete.setString(1, handler.consumerName());
                delete.setArray(2, connection.createArrayOf("text", events.stream().map(EventEnvelope::id).toArray()));
                delete.executeUpdate();
            }
        }
    }
}
