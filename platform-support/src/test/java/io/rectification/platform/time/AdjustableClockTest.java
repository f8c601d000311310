package io.rectification.platform.time;

import io.rectification.platform.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tests' clock: held at an instant, run on from one, or released to real time; no services needed. */
@Tag("fast")
class AdjustableClockTest {

    static final Instant LEAP_DAY_AFTER_MIDNIGHT = Instant.parse("2028-02-28T16:20:00Z"); // 00:20 on 29 Feb in Shanghai

    final AdjustableClock clock = new AdjustableClock();

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void aPinnedClockStandsStill() throws InterruptedException {
        AdjustableClock.pinAt(LEAP_DAY_AFTER_MIDNIGHT);
        Thread.sleep(5);
        assertEquals(LEAP_DAY_AFTER_MIDNIGHT, clock.instant());
        assertEquals(OffsetDateTime.parse("2028-02-29T00:20:00+08:00"), AdjustableClock.current());
    }

    @Test
    void aRunningClockStartsWhereItWasSetAndMovesOn() throws InterruptedException {
        AdjustableClock.runFrom(LEAP_DAY_AFTER_MIDNIGHT);
        Instant first = clock.instant();
        Thread.sleep(20);
        Instant second = clock.instant();
        assertTrue(!first.isBefore(LEAP_DAY_AFTER_MIDNIGHT) && first.isBefore(LEAP_DAY_AFTER_MIDNIGHT.plusSeconds(5)), first.toString());
        assertTrue(Duration.between(first, second).toMillis() >= 20, first + " then " + second);
        Instant seenFromUtc = clock.withZone(ZoneOffset.UTC).instant();
        assertTrue(Duration.between(second, seenFromUtc).toMillis() < 1_000, second + " then, from UTC, " + seenFromUtc);
        assertEquals("2028-02-29", AdjustableClock.current().toLocalDate().toString());
    }

    @Test
    void releasedItIsRealTimeAgain() {
        AdjustableClock.runFrom(LEAP_DAY_AFTER_MIDNIGHT);
        AdjustableClock.release();
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toSeconds() < 5);
    }
}
