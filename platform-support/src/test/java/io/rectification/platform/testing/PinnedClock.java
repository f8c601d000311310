package io.rectification.platform.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Sets the services' clock ({@link AdjustableClock}) at one instant for each test of a class and
 * releases it afterwards: {@code @RegisterExtension static final PinnedClock CLOCK = PinnedClock.at("…Z");}
 * holds it there, {@code PinnedClock.runningFrom("…Z")} lets it run on from there (for tests that
 * create things one after another). {@link #now()} and {@link #today()} read it in the
 * organisation's zone.
 */
public final class PinnedClock implements BeforeEachCallback, AfterEachCallback {

    private final Instant instant;
    private final boolean running;

    private PinnedClock(Instant instant, boolean running) {
        this.instant = instant;
        this.running = running;
    }

    public static PinnedClock at(String instant) {
        return new PinnedClock(Instant.parse(instant), false);
    }

    public static PinnedClock runningFrom(String instant) {
        return new PinnedClock(Instant.parse(instant), true);
    }

    /** The services' time: the pinned instant, or where the running clock has got to. */
    public OffsetDateTime now() {
        return running ? AdjustableClock.current() : instant.atZone(AdjustableClock.ZONE).toOffsetDateTime();
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (running) {
            AdjustableClock.runFrom(instant);
        } else {
            AdjustableClock.pinAt(instant);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AdjustableClock.release();
    }
}
