package io.rectification.platform.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rectification.platform.testing.LogCapture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class UnknownEventTypesTest {

    static final String CONSUMER = "tasks-service.feedback-escalations";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final UnknownEventTypes unknown = new UnknownEventTypes(meters, CONSUMER);
    LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.start();
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void aTypeThisBuildKnowsIsNeitherCountedNorLogged() {
        unknown.noteIfUnknown(record(0, 1), "FeedbackEscalated");
        unknown.noteIfUnknown(record(0, 2), "FeedbackReceived");
        unknown.noteIfUnknown(record(0, 3), "TaskVerified"); // retired, read as its successor
        unknown.noteIfUnknown(record(0, 4), null);

        assertEquals(0, counted());
        assertTrue(lines().isEmpty(), lines().toString());
    }

    @Test
    void anUnknownTypeIsCountedEachTimeAndLoggedOnceWithWhereItLayButNotItsBody() {
        unknown.noteIfUnknown(record(2, 71), "FeedbackTeleported");
        unknown.noteIfUnknown(record(2, 72), "FeedbackTeleported");
        unknown.noteIfUnknown(record(1, 5), "FeedbackTeleported");

        assertEquals(3, counted());
        List<LogCapture.Line> lines = lines();
        assertEquals(1, lines.size(), lines.toString());
        LogCapture.Line line = lines.get(0);
        assertEquals(Level.WARNING, line.level());
        assertTrue(line.message().contains(CONSUMER), line.message());
        assertTrue(line.message().contains("\"FeedbackTeleported\""), line.message());
        assertTrue(line.message().contains("rectification.feedback.v1-2@71"), line.message());
        assertFalse(line.message().contains("举报人"), "the body is never logged: " + line.message());
    }

    /** A failed batch is applied again in halves: the records read again are not counted again. */
    @Test
    void aRecordReadAgainIsNotCountedTwice() {
        unknown.noteIfUnknown(record(0, 10), "FeedbackTeleported");
        unknown.noteIfUnknown(record(0, 11), "TaskLevitated");
        unknown.noteIfUnknown(record(0, 10), "FeedbackTeleported");
        unknown.noteIfUnknown(record(0, 11), "TaskLevitated");

        assertEquals(2, counted());
        assertEquals(2, lines().size());
    }

    @Test
    void aTypeIsLoggedOnOneLineOfBoundedLength() {
        unknown.noteIfUnknown(record(0, 1), "Forged\nconsumer x applied everything" + "x".repeat(1_000));

        String message = lines().get(0).message();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.length() < 600, "length " + message.length());
    }

    @Test
    void pastTheLimitOfNamedTypesTheyAreStillCountedButNoLongerNamed() {
        int types = UnknownEventTypes.MAX_LOGGED + 20;
        for (int i = 0; i < types; i++) {
            unknown.noteIfUnknown(record(0, i), "Invented" + i);
        }

        assertEquals(types, counted());
        List<LogCapture.Line> lines = lines();
        assertEquals(UnknownEventTypes.MAX_LOGGED + 1, lines.size());
        assertTrue(lines.get(lines.size() - 1).message().contains("no longer named"), lines.get(lines.size() - 1).message());
    }

    private double counted() {
        return meters.get("rectification.consumer.unknown.events").tag("consumer", CONSUMER).counter().count();
    }

    private List<LogCapture.Line> lines() {
        return log.lines(line -> UnknownEventTypes.class.getName().equals(line.logger()));
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>(EventTopics.FEEDBACK, partition, offset, "key",
                "{\"data\":{\"text\":\"举报人甲 13700002222\"}}".getBytes(StandardCharsets.UTF_8));
    }
}
