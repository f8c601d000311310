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
    private static final int[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    public InstantText {
        if (zone == null) {
            throw new IllegalArgumentException("a zone is needed");
        }
    }

    /** The same instant, at the zone's offset on that day. */
    public OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /**
     * The instant as it is written. By hand for the years 0-9999 at an offset of whole minutes (every
     * instant a service writes; the formatter's general path was a few per cent of the public
     * intake's CPU, for every instant in every answer and event), the same text as {@link #FORMAT}'s
     * (InstantTextTest compares them); the formatter for the rest (signed years, offsets with seconds).
     */
    public String format(Instant instant) {
        OffsetDateTime time = at(instant);
        int year = time.getYear();
        int offset = time.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return FORMAT.format(time);
        }
        StringBuilder text = new StringBuilder(35);
        digits(text, year, 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int fraction = time.getNano();
        if (fraction > 0) {
            int width = 9;
            for (; fraction % 10 == 0; fraction /= 10) {
                width--;
            }
            digits(text.append('.'), fraction, width);
        }
        if (offset == 0) {
            return text.append('Z').toString();
        }
        int minutes = Math.abs(offset) / 60;
        text.append(offset < 0 ? '-' : '+');
        digits(text, minutes / 60, 2).append(':');
        return digits(text, minutes % 60, 2).toString();
    }

    /** {@code value} (not negative) in {@code width} digits, zeros in front. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int unit = TENS[width - 1]; unit > 0; unit /= 10) {
            text.append((char) ('0' + value / unit % 10));
        }
        return text;
    }

    /** The value's instant as it is written; null stays null. */
    public String format(OffsetDateTime time) {
        return time == null ? null : format(time.toInstant());
    }
}
