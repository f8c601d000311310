package io.rectification.reporting.support;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The organisation's time zone: days (today, feedback per day) are counted in it; "now" is the
 * injected clock's (platform Clocks), so tests stand on the day they pin.
 */
@ApplicationScoped
public class ReportingConfig {

    private final ZoneId zone;
    private final Clock clock;

    public ReportingConfig(@ConfigProperty(name = "reporting.time-zone", defaultValue = "Asia/Shanghai") String zone,
                           Clock clock) {
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
