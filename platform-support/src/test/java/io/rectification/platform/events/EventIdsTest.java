package io.rectification.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.ids.TimeOrderedIds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An event's id is in time order (version 7) at the event's own time: consumers' records of it are appended. */
@Tag("fast")
class EventIdsTest {

    @Test
    void anEventsIdCarriesTheMillisecondOfItsTime() {
        Instant leapDayMidnightInBeijing = Instant.parse("2028-02-28T16:00:00Z");
        Outbox outbox = new Outbox(null, new ObjectMapper(), null, Clock.fixed(leapDayMidnightInBeijing, ZoneOffset.UTC),
                null, null, "tasks-service");
        EventEnvelope event = outbox.envelope("Task", "t-1", 1, "TaskCreated", Map.of("task", "t-1"), null);
        UUID id = UUID.fromString(event.id());
        assertEquals(7, id.version());
        assertEquals(leapDayMidnightInBeijing.toEpochMilli(), TimeOrderedIds.millisOf(id));
        assertEquals(leapDayMidnightInBeijing, event.time().toInstant());
    }
}
