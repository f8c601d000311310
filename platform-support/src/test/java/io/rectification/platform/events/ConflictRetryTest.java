package io.rectification.platform.events;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class ConflictRetryTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    /** As the transaction manager hands it on: PostgreSQL's error somewhere among the causes. */
    private static RuntimeException failure(String sqlState) {
        return new IllegalStateException("rolled back", new SQLException("deadlock detected", sqlState));
    }

    @Test
    void aDeadlockOrASerializationFailureIsTriedAgainAfterAShortPause() {
        String result = ConflictRetry.call(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw failure("40P01");
            }
            if (attempt == 2) {
                throw failure("40001");
            }
            return "applied";
        }, pauses::add);

        assertEquals("applied", result);
        assertEquals(3, attempts.get());
        assertEquals(2, pauses.size());
        pauses.forEach(pause -> assertTrue(pause.compareTo(Duration.ofMillis(10)) >= 0
                && pause.compareTo(Duration.ofMillis(100)) < 0, pause::toString));
    }

    @Test
    void anyOtherFailureIsTheCallersAtOnce() {
        RuntimeException bad = failure("23502");
        assertSame(bad, assertThrows(RuntimeException.class, () -> ConflictRetry.call(() -> {
            attempts.incrementAndGet();
            throw bad;
        }, pauses::add)));
        assertEquals(1, attempts.get());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void aConflictLostEveryTimeIsPassedUpAfterTheLastAttempt() {
        RuntimeException conflict = failure("40P01");
        assertSame(conflict, assertThrows(RuntimeException.class, () -> ConflictRetry.call(() -> {
            attempts.incrementAndGet();
            throw conflict;
        }, pauses::add)));
        assertEquals(ConflictRetry.ATTEMPTS, attempts.get());
        assertEquals(ConflictRetry.ATTEMPTS - 1, pauses.size());
    }
}
