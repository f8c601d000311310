package io.rectification.reporting.support;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;

/** The organisation's time zone: days (today, feedback per day) are counted in it. */
@ApplicationScoped
public class ReportingConfig {

    private final ZoneId zone;

    public ReportingConfig(@ConfigProperty(name = "reporting.time-zone", defaultValue = "Asia/Shanghai") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
