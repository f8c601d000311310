package io.rectification.reporting.notice;

import io.rectification.reporting.support.ReportingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZonedDateTime;

/**
 * The quiet hours ({@code notices.quiet-hours}) against the injected clock in the organisation's zone:
 * whether immediate notices are held now, and until when. Nothing is kept here: a held notice is a
 * PENDING row like any other, which the senders leave alone until the hours end, so a restart or
 * another instance sends it as it would have.
 */
@ApplicationScoped
public class QuietHoursNow {

    private final QuietHours hours;
    private final ReportingConfig reporting;

    @Inject
    public QuietHoursNow(NoticeConfig config, ReportingConfig reporting) {
        this(config.quietHours().orElse(QuietHours.OFF), reporting);
    }

    /** Hours of one's own: a test installs these in place of the configured ones (no application of its own to start). */
    QuietHoursNow(QuietHours hours, ReportingConfig reporting) {
        this.hours = hours;
        this.reporting = reporting;
    }

    /** When the quiet hours the clock stands in end; null outside them, or when there are none. */
    public ZonedDateTime heldUntil() {
        ZonedDateTime now = reporting.now();
        return hours.holds(now.toLocalTime()) ? hours.endAfter(now) : null;
    }

    public boolean holding() {
        return heldUntil() != null;
    }
}
