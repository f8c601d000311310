package io.rectification.platform.time;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class IsoDatesTest {

    @Test
    void leapDayOfALeapYearIsADate() {
        assertEquals(LocalDate.of(2028, 2, 29), IsoDates.localDate("2028-02-29"));
        assertEquals(LocalDate.of(2000, 2, 29), IsoDates.localDate("2000-02-29"));
        assertEquals(OffsetDateTime.of(2028, 2, 29, 23, 59, 59, 0, ZoneOffset.UTC),
                IsoDates.offsetDateTime("2028-02-29T23:59:59Z"));
    }

    @Test
    void leapDayOfAnOrdinaryYearIsRejectedSayingWhy() {
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> IsoDates.localDate("2027-02-29"));
        assertTrue(e.getMessage().contains("2027-02-29"), e.getMessage());
        assertTrue(e.getMessage().contains("not a leap year"), e.getMessage());
        assertThrows(DateTimeParseException.class, () -> IsoDates.localDate("1900-02-29"));
        assertThrows(DateTimeParseException.class, () -> IsoDates.offsetDateTime("2027-02-29T08:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> IsoDates.instant("2027-02-29T08:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-01",
            "2026/01/01", "20260101", "2026-01-0a", "", "2026-01-01 ", " 2026-01-01", "２０２６-01-01"})
    void malformedDatesAreRejected(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoDates.localDate(text));
    }

    @Test
    void offsetsAreKeptAsWritten() {
        OffsetDateTime beijing = IsoDates.offsetDateTime("2026-11-06T09:00:00+08:00");
        assertEquals(ZoneOffset.ofHours(8), beijing.getOffset());
        assertEquals(Instant.parse("2026-11-06T01:00:00Z"), beijing.toInstant());
        OffsetDateTime west = IsoDates.offsetDateTime("2026-11-06T09:00:00-05:30");
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), west.getOffset());
        assertEquals(ZoneOffset.UTC, IsoDates.offsetDateTime("2026-11-06T09:00:00+00:00").getOffset());
        assertEquals(ZoneOffset.ofHours(18), IsoDates.offsetDateTime("2026-11-06T09:00:00+18:00").getOffset());
        assertEquals(Instant.parse("2026-11-06T01:00:00Z"), IsoDates.instant("2026-11-06T09:00:00+08:00"));
    }

    @Test
    void fractionsOfEveryLengthAreNanoseconds() {
        assertEquals(100_000_000, IsoDates.offsetDateTime("2026-11-06T09:00:00.1Z").getNano());
        assertEquals(120_000_000, IsoDates.offsetDateTime("2026-11-06T09:00:00.12Z").getNano());
        assertEquals(123_000_000, IsoDates.offsetDateTime("2026-11-06T09:00:00.123+08:00").getNano());
        assertEquals(123_456_000, IsoDates.offsetDateTime("2026-11-06T09:00:00.123456Z").getNano());
        assertEquals(123_456_789, IsoDates.offsetDateTime("2026-11-06T09:00:00.123456789Z").getNano());
        assertEquals(1, IsoDates.instant("2026-11-06T09:00:00.000000001Z").getNano());
        assertEquals(0, IsoDates.offsetDateTime("2026-11-06T09:00:00.000Z").getNano());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-06T09:00:00.1234567891Z", "2026-11-06T25:00:00Z", "2026-11-06T09:60:00Z", "2026-11-06T09:00:61Z", "2026-11-06T09:00:00", "2026-11-06T09:00:00+19:00",
            "2026-11-06T09:00:00+18:01", "2026-11-06T09:00:00+08:60", "2026-11-06T09:00:00*08:00",
            "2026-11-06 09:00:00Z", "2026-11-06T09:00:00Zx", "2026-11-06T-9:00:00Z", "2026-11-06T09:00:00+8:00",
            "2026-11-31T09:00:00Z"})
    void malformedTimesAreRejected(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoDates.offsetDateTime(text));
        assertThrows(DateTimeParseException.class, () -> IsoDates.instant(text));
    }

    @Test
    void shapesOutsideTheFastPathAreReadByJavaTime() {
        // java.time's own leniencies stay: an empty fraction, and 24:00 as an instant (the next day's start).
        assertEquals(OffsetDateTime.parse("2026-11-06T09:00:00Z"), IsoDates.offsetDateTime("2026-11-06T09:00:00.Z"));
        assertEquals(Instant.parse("2026-11-07T00:00:00Z"), IsoDates.instant("2026-11-06T24:00:00Z"));
        // No seconds, an offset without a colon, seconds in the offset: legal ISO, read by the fallback.
        assertEquals(OffsetDateTime.parse("2026-11-06T09:00Z"), IsoDates.offsetDateTime("2026-11-06T09:00Z"));
        assertEquals(OffsetDateTime.parse("2026-11-06T09:00:00+08:00:30"),
                IsoDates.offsetDateTime("2026-11-06T09:00:00+08:00:30"));
        assertEquals(LocalDate.parse("+12026-01-01"), IsoDates.localDate("+12026-01-01"));
    }

    /** Any text the fast path reads must read as java.time reads it, and what java.time rejects must fail. */
    @Test
    void agreesWithJavaTimeOnManyGeneratedValues() {
        Random random = new Random(20261201L);
        String[] offsets = {"Z", "+08:00", "-05:30", "+00:00", "-00:00", "+14:00", "-18:00", "+18:00", "+05:45"};
        for (int i = 0; i < 20_000; i++) {
            String date = String.format("%04d-%02d-%02d", 1600 + random.nextInt(900), random.nextInt(14),
                    random.nextInt(33));
            assertSameAsJavaTime(date, () -> IsoDates.localDate(date), () -> LocalDate.parse(date));
            String fraction = random.nextBoolean() ? "" : "." + String.valueOf(random.nextLong() & Long.MAX_VALUE)
                    .substring(0, 1 + random.nextInt(9));
            String time = date + String.format("T%02d:%02d:%02d", random.nextInt(25), random.nextInt(61),
                    random.nextInt(61)) + fraction + offsets[random.nextInt(offsets.length)];
            assertSameAsJavaTime(time, () -> IsoDates.offsetDateTime(time),
                    () -> OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            assertSameAsJavaTime(time, () -> IsoDates.instant(time),
                    () -> DateTimeFormatter.ISO_INSTANT.parse(time, Instant::from));
        }
    }

    private static void assertSameAsJavaTime(String text, java.util.function.Supplier<Object> ours,
                                             java.util.function.Supplier<Object> javaTime) {
        Object expected;
        try {
            expected = javaTime.get();
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, ours::get, text);
            return;
        }
        assertEquals(expected, ours.get(), text);
    }
}
