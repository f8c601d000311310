package io.rectification.platform.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the few ISO 8601 shapes our events carry ({@code 2028-02-29},
 * {@code 2028-02-29T08:30:00Z}, {@code 2028-02-29T08:30:00.123456+08:00}) by hand, and anything
 * else through java.time's ISO formatters.
 *
 * <p>Why by hand: a rebuild reads every date of every event again, and a
 * {@link DateTimeFormatter} builds a field map per value, which showed as a large share of the
 * replay's decoding time. The fast path only accepts what it can fully check (digits at fixed
 * places, a real day of the month, hours to 23, an offset to ±18:00); whatever it does not accept
 * goes to java.time, which then decides: so every value reads as java.time reads it, or fails as
 * it fails (a {@link DateTimeParseException} that names the text).
 */
public final class IsoDates {

    private IsoDates() {
    }

    /** A date {@code yyyy-MM-dd}, as {@link LocalDate#parse(CharSequence)}. */
    public static LocalDate localDate(CharSequence text) {
        if (text.length() == 10) {
            LocalDate date = fastDate(text, 0);
            if (date != null) {
                return date;
            }
        }
        return LocalDate.parse(text);
    }

    /** A date-time with Z or an offset, as {@link OffsetDateTime#parse(CharSequence)} (the offset kept). */
    public static OffsetDateTime offsetDateTime(CharSequence text) {
        OffsetDateTime time = fastDateTime(text);
        return time != null ? time : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** An instant with Z or an offset, as {@link DateTimeFormatter#ISO_INSTANT} reads it (offsets accepted). */
    public static Instant instant(CharSequence text) {
        OffsetDateTime time = fastDateTime(text);
        return time != null ? time.toInstant() : DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:mm)}, or null when the text is any other shape or out of range. */
    private static OffsetDateTime fastDateTime(CharSequence text) {
        int length = text.length();
        if (length < 17 || text.charAt(10) != 'T' || text.charAt(13) != ':') {
            return null;
        }
        LocalDate date = fastDate(text, 0);
        int hour = twoDigits(text, 11);
        int minute = twoDigits(text, 14);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int at = 16;
        int second = 0;
        int nano = 0;
        if (at < length && text.charAt(at) == ':') {
            second = twoDigits(text, at + 1);
            if (second < 0 || second > 59) {
                return null; // a leap second or junk: java.time decides
            }
            at += 3;
            if (at < length && text.charAt(at) == '.') {
                at++;
                int digits = 0;
                while (at < length && isDigit(text.charAt(at))) {
                    if (++digits > 9) {
                        return null;
                    }
                    nano = nano * 10 + (text.charAt(at) - '0');
                    at++;
                }
                if (digits == 0) {
                    return null;
                }
                for (int scale = digits; scale < 9; scale++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second,
                nano, offset);
    }

    /** {@code Z} or {@code ±HH:mm} ending the text at {@code at}; null otherwise (±HH, ±HHmm, seconds: java.time). */
    private static ZoneOffset offset(CharSequence text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (left != 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = twoDigits(text, at + 1);
        int minutes = twoDigits(text, at + 4);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return null;
        }
        if (hours == 0 && minutes == 0) {
            return ZoneOffset.UTC;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd} at {@code at} (four-digit years only), or null when not that shape or not a real day. */
    private static LocalDate fastDate(CharSequence text, int at) {
        if (text.length() < at + 10 || text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-') {
            return null;
        }
        int high = twoDigits(text, at);
        int low = twoDigits(text, at + 2);
        int month = twoDigits(text, at + 5);
        int day = twoDigits(text, at + 8);
        if (high < 0 || low < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        int year = high * 100 + low;
        if (day > lengthOfMonth(year, month)) {
            return null; // 2027-02-29 and the like: java.time fails with its own words
        }
        return LocalDate.of(year, month, day);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Two digits at {@code at} as a number; -1 when either is not an ASCII digit (so every range check fails). */
    private static int twoDigits(CharSequence text, int at) {
        if (at + 2 > text.length()) {
            return -1;
        }
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (!isDigit(tens) || !isDigit(ones)) {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
