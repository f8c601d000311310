package io.rectification.feedback;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.testing.EventCatalogue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue check itself: it accepts a valid payload and catches what must never be published. */
@Tag("fast")
class EventContractTest {

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode received() throws Exception {
        return JSON.readTree("""
                {"feedback":{"id":"5b0f7c1e-8a64-4c59-9d1c-1f6f3f0e2a11","publicationId":"0e4b2b8e-1f0a-4a39-8f57-0c4bf0f3c111",
                 "inspectionId":"7d1f9a52-0000-4000-8000-000000000000","channel":"WEB","category":null,"status":"RECEIVED",
                 "areaId":null,"problemId":null,"taskId":null,"receivedAt":"2025-11-07T02:00:00Z","triagedAt":null,
                 "answeredAt":null,"closedAt":null,"replyDueAt":"2025-11-22T02:00:00Z","anonymous":true}}""");
    }

    static EventEnvelope event(String type, JsonNode data) {
        return new EventEnvelope("1.0", "id", "/feedback-service", type, "subject", null, "application/json",
                "Feedback", 0L, data);
    }

    @Test
    void aValidPayloadPasses() throws Exception {
        EVENTS.assertMatches(event("FeedbackReceived", received()));
    }

    @Test
    void whetherTheTimeWasGivenIsAnOptionalBooleanAbsentFromEventsWrittenBefore() throws Exception {
        JsonNode given = received();
        ((ObjectNode) given.path("feedback")).put("receivedTimeGiven", false);
        EVENTS.assertMatches(event("FeedbackReceived", given));
        JsonNode text = received();
        ((ObjectNode) text.path("feedback")).put("receivedTimeGiven", "no");
        AssertionError wrong = assertThrows(AssertionError.class,
                () -> EVENTS.assertMatches(event("FeedbackReceived", text)));
        assertTrue(wrong.getMessage().contains("receivedTimeGiven"), wrong.getMessage());
    }

    @Test
    void personalDataOrTextInTheSnapshotIsCaught() throws Exception {
        for (String member : new String[]{"name", "phone", "email", "address", "text"}) {
            JsonNode data = received();
            ((ObjectNode) data.path("feedback")).put(member, "张三");
            AssertionError error = assertThrows(AssertionError.class,
                    () -> EVENTS.assertMatches(event("FeedbackReceived", data)));
            assertTrue(error.getMessage().contains(member), error.getMessage());
        }
    }

    @Test
    void missingMembersWrongValuesAndUnknownTypesAreCaught() throws Exception {
        JsonNode missing = received();
        ((ObjectNode) missing.path("feedback")).remove("status");
        AssertionError noStatus = assertThrows(AssertionError.class,
                () -> EVENTS.assertMatches(event("FeedbackReceived", missing)));
        assertTrue(noStatus.getMessage().contains("status"), noStatus.getMessage());
        JsonNode wrong = received();
        ((ObjectNode) wrong.path("feedback")).put("channel", "FAX");
        AssertionError fax = assertThrows(AssertionError.class, () -> EVENTS.assertMatches(event("FeedbackReceived", wrong)));
        assertTrue(fax.getMessage().contains("$.feedback.channel"), fax.getMessage());
        assertThrows(AssertionError.class, () -> EVENTS.assertMatches(event("FeedbackEscalated", received())),
                "FeedbackEscalated needs its escalation");
        assertThrows(AssertionError.class, () -> EVENTS.assertMatches(event("FeedbackDeleted", received())));
    }
}
