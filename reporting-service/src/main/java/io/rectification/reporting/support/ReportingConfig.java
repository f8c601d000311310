package io.rectification.reporting.support;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The organisation's time zone, the clock's ({@code rectification.time-zone}, platform Clocks): days
 * (today, feedback per day) are counted in it, and instants are written at its offset; "now" is the
 * clock's too, so tests stand on the day they pin.
 */
@ApplicationScoped
public class ReportingConfig {

    private final ZoneId zone;
    private final Clock clock;

    public ReportingConfig(Clock clock) {
        this.zone = clock.getZone();
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The clock's time in the organisation's zone. */
    public ZonedDateTime now() {
        return clock.instant().atZone(zone);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
