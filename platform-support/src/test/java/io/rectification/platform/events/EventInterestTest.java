package io.rectification.platform.events;

import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class EventInterestTest {

    private final EventInterest escalations = new EventInterest(Set.of(FeedbackEvent.FeedbackEscalated.class));
    private final EventInterest taskChanges = new EventInterest(Set.of(TasksEvent.TaskChange.class));

    @Test
    void aHandlerNamingNoRecordsReadsEverything() {
        EventInterest all = new EventInterest(Set.of());
        assertTrue(all.wants(typed("FeedbackReceived")));
        assertTrue(all.wants(typed("NoSuchType")));
        assertTrue(all.wants(untyped()));
    }

    @Test
    void readsTheTypesNamedAndTheRecordsOfAFamilyNamed() {
        assertTrue(escalations.wants(typed("FeedbackEscalated")));
        assertFalse(escalations.wants(typed("FeedbackReceived")));
        assertTrue(taskChanges.wants(typed("TaskProgressReported")));
        assertFalse(taskChanges.wants(typed("MeetingHeld")));
    }

    @Test
    void aRetiredNameIsReadAsItsSuccessor() {
        assertTrue(taskChanges.wants(typed("TaskVerified")));
    }

    @Test
    void passesOverATypeThisBuildDoesNotKnow() {
        assertFalse(escalations.wants(typed("FeedbackTeleported")));
    }

    /** The reader finds out what it is, or dead-letters it: nothing is passed over unseen for want of a header. */
    @Test
    void readsAMessageWithoutTheTypeHeaderOrWithAnEmptyOne() {
        assertTrue(escalations.wants(untyped()));
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", null);
        assertTrue(escalations.wants(record(headers)));
    }

    private static ConsumerRecord<String, byte[]> typed(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record(headers);
    }

    private static ConsumerRecord<String, byte[]> untyped() {
        return record(new RecordHeaders());
    }

    private static ConsumerRecord<String, byte[]> record(RecordHeaders headers) {
        return new ConsumerRecord<>("rectification.feedback.v1", 0, 0, 0, TimestampType.CREATE_TIME, 0, 0, "key",
                new byte[0], headers, Optional.empty());
    }
}
