package io.rectification.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in whole microseconds ({@link Clocks#PRECISION}). {@code Clock.tick(system,
 * 1 µs)} reads the same instants, but on JDK 17 its {@code millis()} divides by zero for any tick
 * under a millisecond (the tick in milliseconds is 0; mended in later JDKs): the services run on
 * JDK 17 as well (images, the AppCDS path), and every {@code clock.millis()} there failed.
 */
final class MicrosecondClock extends Clock {

    private final Clock system;

    MicrosecondClock(ZoneId zone) {
        this.system = Clock.system(zone);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new MicrosecondClock(zone);
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A whole microsecond's millisecond is the system's. */
    @Override
    public long millis() {
        return system.millis();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosecondClock clock && clock.getZone().equals(getZone());
    }

    @Override
    public int hashCode() {
        return getZone().hashCode() + 1;
    }
}
