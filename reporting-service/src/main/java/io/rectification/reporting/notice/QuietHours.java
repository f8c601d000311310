package io.rectification.reporting.notice;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 免打扰时段 ({@code notices.quiet-hours}, docs/notices.md): the hours in which immediate notices are held
 * and not sent, e.g. {@code 21:00-08:00}: from 21:00 (held) to 08:00 (sent), across midnight since
 * the end is the earlier time; a range within one day ({@code 12:00-13:30}) holds only between its
 * times. Times of day in the organisation's zone, read by the caller. {@code off} (or nothing) holds
 * nothing.
 */
public final class QuietHours {

    public static final QuietHours OFF = new QuietHours(null, null);

    private static final String PROPERTY = "notices.quiet-hours";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("HH:mm");

    private final LocalTime start;
    private final LocalTime end;

    private QuietHours(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    /** The setting's value (also SmallRye Config's converter for {@code notices.quiet-hours}). */
    public static QuietHours parse(CharSequence text) {
        String value = text == null ? "" : text.toString().strip();
        if (value.isEmpty() || value.toLowerCase(Locale.ROOT).equals("off")) {
            return OFF;
        }
        Matcher range = RANGE.matcher(value);
        if (!range.matches()) {
            throw refused(value);
        }
        try {
            LocalTime start = LocalTime.parse(range.group(1), TIME);
            LocalTime end = LocalTime.parse(range.group(2), TIME);
            if (start.equals(end)) {
                throw refused(value); // the whole day or none: say which by "off" or a real range
            }
            return new QuietHours(start, end);
        } catch (DateTimeException e) {
            throw refused(value);
        }
    }

    private static IllegalArgumentException refused(String value) {
        return new IllegalArgumentException(PROPERTY + " is \"" + value
                + "\": expected two different times of day, start-end such as 21:00-08:00, or off");
    }

    /** Whether a notice is held at this time of day. */
    public boolean holds(LocalTime time) {
        if (start == null) {
            return false;
        }
        boolean fromStart = !time.isBefore(start);
        boolean beforeEnd = time.isBefore(end);
        return start.isBefore(end) ? fromStart && beforeEnd : fromStart || beforeEnd;
    }

    /** When the quiet hours that hold at {@code at} end: the first time of day {@code end} after it, in its zone. */
    public ZonedDateTime endAfter(ZonedDateTime at) {
        ZonedDateTime sameDay = ZonedDateTime.of(at.toLocalDate(), end, at.getZone());
        return sameDay.isAfter(at) ? sameDay : ZonedDateTime.of(at.toLocalDate().plusDays(1), end, at.getZone());
    }

    @Override
    public String toString() {
        return start == null ? "off" : WRITTEN.format(start) + "-" + WRITTEN.format(end);
    }
}
