package io.rectification.platform.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading is tolerant and writing gives the catalogue's shape; no services needed. */
@Tag("fast")
class EventContractDecodeTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    /** The envelopes' commit time: fixed, since decoding never reads it. */
    static final OffsetDateTime SENT = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");

    static EventEnvelope envelope(String type, String data) throws Exception {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/test", type, "s", SENT,
                "application/json", "Task", 1L, JSON.readTree(data));
    }

    @Test
    void unknownMembersAreIgnoredAndMissingOnesAreNull() throws Exception {
        EventData data = EventContract.decode(envelope("FeedbackClosed", """
                {"feedback":{"id":"6f1c1bd4-7a84-4a4c-9d0a-4b5f2a1e9f10","status":"CLOSED","addedLater":[1,2]},
                 "alsoNew":true}""")).orElseThrow();
        FeedbackEvent.FeedbackClosed closed = assertInstanceOf(FeedbackEvent.FeedbackClosed.class, data);
        assertEquals("CLOSED", closed.feedback().status());
        assertNull(closed.feedback().anonymous());
        assertNull(closed.feedback().receivedAt());
    }

    @Test
    void aTypeUnknownHereIsEmptyAndTheRetiredNameReadsAsItsSuccessor() throws Exception {
        assertTrue(EventContract.decode(envelope("FeedbackReplyOverdueOnMars", "{}")).isEmpty());
        EventData verified = EventContract.decode(envelope("TaskVerified", """
                {"task":{"id":"6f1c1bd4-7a84-4a4c-9d0a-4b5f2a1e9f10","state":"VERIFIED"}}""")).orElseThrow();
        assertEquals("VERIFIED", assertInstanceOf(TasksEvent.TaskCompleted.class, verified).task().state());
    }

    @Test
    void datesKeepTheirOffset() throws Exception {
        EventData data = EventContract.decode(envelope("PublicationCreated", """
                {"publication":{"id":"6f1c1bd4-7a84-4a4c-9d0a-4b5f2a1e9f10","windowStart":"2026-12-01T00:00:00+08:00"}}"""))
                .orElseThrow();
        assertEquals(OffsetDateTime.parse("2026-12-01T00:00:00+08:00"),
                ((FeedbackEvent.PublicationCreated) data).publication().windowStart());
    }

    @Test
    void anInspectionEventIsTheInspectionItselfBothWays() throws Exception {
        EventData data = EventContract.decode(envelope("InspectionRegistered", """
                {"id":"6f1c1bd4-7a84-4a4c-9d0a-4b5f2a1e9f10","title":"巡视","kind":"REGULAR","onSiteFrom":"2024-05-06"}"""))
                .orElseThrow();
        TasksEvent.InspectionRegistered registered = assertInstanceOf(TasksEvent.InspectionRegistered.class, data);
        assertEquals("巡视", registered.inspection().title());
        assertEquals("巡视", JSON.valueToTree(registered).path("title").asText(), "written flat, not wrapped");
    }

    @Test
    void malformedDataOfAKnownTypeIsRefusedNamingTheType() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventContract.decode(envelope("TaskCreated", "{\"task\":{\"id\":\"not-a-uuid\"}}")));
        assertTrue(e.getMessage().startsWith("TaskCreated cannot be read"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventContract.decode(envelope("TaskCreated", "[1]")));
    }

    @Test
    void aRecordNamesItsTypeAndTopic() {
        TasksEvent.TaskCompleted completed = new TasksEvent.TaskCompleted(null);
        assertEquals("TaskCompleted", EventContract.typeOf(completed));
        assertEquals(EventTopics.TASKS, EventContract.topicOf(completed));
        assertEquals(EventTopics.FEEDBACK, EventContract.topicOf(new FeedbackEvent.FeedbackClosed(null)));
    }
}
