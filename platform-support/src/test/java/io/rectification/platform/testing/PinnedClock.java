package io.rectification.platform.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Pins the services' clock ({@link AdjustableClock}) at one instant for each test of a class and
 * releases it afterwards: {@code @RegisterExtension static final PinnedClock CLOCK = PinnedClock.at("…Z");}.
 * {@link #now()} and {@link #today()} are that instant in the organisation's zone.
 */
public final class PinnedClock implements BeforeEachCallback, AfterEachCallback {

    private final Instant instant;

    private PinnedClock(Instant instant) {
        this.instant = instant;
    }

    public static PinnedClock at(String instant) {
        return new PinnedClock(Instant.parse(instant));
    }

    public OffsetDateTime now() {
        return instant.atZone(AdjustableClock.ZONE).toOffsetDateTime();
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AdjustableClock.pinAt(instant);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AdjustableClock.release();
    }
}
