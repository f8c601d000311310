package io.rectification.feedback;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the system clock in tests: it runs with real time unless a test pins it to an instant
 * (to stand exactly on a window's edge). Tests that pin it must {@link #release()} it.
 */
@Singleton
public class AdjustableClock extends Clock {

    private static volatile Instant pinned;

    public static void pinAt(Instant instant) {
        pinned = instant;
    }

    public static void release() {
        pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }
}
