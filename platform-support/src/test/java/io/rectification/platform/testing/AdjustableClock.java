package io.rectification.platform.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Replaces the services' clock in tests: it runs with real time unless a test pins it to an instant
 * (to stand exactly on a window's edge, a month end or midnight in Asia/Shanghai) or sets it running
 * from one. Tests that do must {@link #release()} it ({@link PinnedClock} does). A bean of this
 * test-jar (its beans.xml), so every service's tests get it in place of {@code platform.time.Clocks}.
 */
@Singleton
public class AdjustableClock extends Clock {

    /** The zone of the production clock's default ({@code rectification.time-zone}). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile Instant pinned;
    /** How far a clock {@linkplain #runFrom started at another instant} stands from real time. */
    private static volatile Duration shift = Duration.ZERO;

    public static void pinAt(Instant instant) {
        pinned = instant;
    }

    /**
     * Sets the clock at {@code start} and lets it run on from there: for tests that must not depend
     * on the day they run but create things one after another (each gets its own time, in order).
     */
    public static void runFrom(Instant start) {
        pinned = null;
        shift = Duration.between(Instant.now(), start);
    }

    public static void release() {
        pinned = null;
        shift = Duration.ZERO;
    }

    /**
     * The time the services read now (the pinned instant, or real time), in their zone: what a test
     * stamps on the events it sends as a producer would, so no test depends on the day it runs.
     */
    public static OffsetDateTime current() {
        return read().atZone(ZONE).toOffsetDateTime();
    }

    /** As the production clock ticks ({@code Clocks.PRECISION}): microseconds, what the databases keep. */
    private static Instant read() {
        Instant at = pinned;
        return (at != null ? at : Instant.now().plus(shift)).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    /** The same adjustable time seen from another zone (a pinned instant stays pinned). */
    @Override
    public Clock withZone(ZoneId zone) {
        AdjustableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return read();
    }
}
