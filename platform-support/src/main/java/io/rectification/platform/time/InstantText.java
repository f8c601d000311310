package io.rectification.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one way an instant is written in an answer, an event or an outgoing call: ISO 8601 at the
 * offset of the organisation's zone ({@code 2026-12-01T11:00:00+08:00}), whatever offset the value
 * came with. Values reach the writers with different offsets (PostgreSQL's are UTC, the clock's are
 * the zone's, an input keeps the sender's), and a reader should not meet two spellings of one kind
 * of time, nor "Z" beside "+08:00" in one answer.
 */
public record InstantText(ZoneId zone) {

    /** Seconds always, the fraction only as long as needed: as Jackson's own writers print it. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public InstantText {
        if (zone == null) {
            throw new IllegalArgumentException("a zone is needed");
        }
    }

    /** The same instant, at the zone's offset on that day. */
    public OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** The instant as it is written. */
    public String format(Instant instant) {
        return FORMAT.format(at(instant));
    }

    /** The value's instant as it is written; null stays null. */
    public String format(OffsetDateTime time) {
        return time == null ? null : format(time.toInstant());
    }
}
