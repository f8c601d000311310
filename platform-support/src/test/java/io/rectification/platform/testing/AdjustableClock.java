package io.rectification.platform.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Replaces the services' clock in tests: it runs with real time unless a test pins it to an instant
 * (to stand exactly on a window's edge, a month end or midnight in Asia/Shanghai). Tests that pin
 * it must {@link #release()} it. A bean of this test-jar (its beans.xml), so every service's tests
 * get it in place of {@code platform.time.Clocks}.
 */
@Singleton
public class AdjustableClock extends Clock {

    /** The zone of the production clock's default ({@code rectification.time-zone}). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile Instant pinned;

    public static void pinAt(Instant instant) {
        pinned = instant;
    }

    public static void release() {
        pinned = null;
    }

    /**
     * The time the services read now (the pinned instant, or real time), in their zone: what a test
     * stamps on the events it sends as a producer would, so no test depends on the day it runs.
     */
    public static OffsetDateTime current() {
        Instant at = pinned;
        return (at != null ? at : Instant.now()).atZone(ZONE).toOffsetDateTime();
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
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }
}
