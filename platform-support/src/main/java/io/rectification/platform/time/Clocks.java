package io.rectification.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The one source of "now" in every service, in the organisation's time zone: business dates (a
 * close-out's day, a deadline passed, a disclosure window's edge) are days in Asia/Shanghai, not
 * in whatever zone the server runs. Tests replace it to stand exactly on a month end or midnight.
 */
@ApplicationScoped
public class Clocks {

    /** The finest time the databases keep (timestamptz: microseconds). */
    public static final Duration PRECISION = Duration.ofNanos(1_000);

    private final ZoneId zone;

    public Clocks(@ConfigProperty(name = "rectification.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Ticks in whole microseconds, PostgreSQL's precision: a time a command answers (a report's
     * {@code reportedAt}, a close-out's {@code verifiedAt}) and puts in its event is the time read back
     * later, equal to the digit, for clients that compare them or use them as keys.
     */
    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return new MicrosecondClock(zone);
    }

    /** How instants are written, at the clock's zone (the test clock's too). */
    @Produces
    @Singleton
    InstantText instantText(Clock clock) {
        return new InstantText(clock.getZone());
    }
}
