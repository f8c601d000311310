package io.rectification.reporting.notice;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 免打扰时段 as {@code notices.quiet-hours} sets them: from the first time (held) to the second (sent), across
 * midnight when the second is earlier; when the quiet hours holding at an instant end, across a year end.
 */
@Tag("fast")
class QuietHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final QuietHours NIGHT = QuietHours.parse("21:00-08:00");

    @Test
    void theNightFrom2100To0800HoldsEveryTimeFromItsStartAndNoneFromItsEnd() {
        assertFalse(NIGHT.holds(LocalTime.of(20, 59, 59)), "20:59:59 goes at once");
        assertTrue(NIGHT.holds(LocalTime.of(21, 0)), "21:00 is held");
        assertTrue(NIGHT.holds(LocalTime.of(23, 59, 59)));
        assertTrue(NIGHT.holds(LocalTime.MIDNIGHT));
        assertTrue(NIGHT.holds(LocalTime.of(7, 59, 59)));
        assertFalse(NIGHT.holds(LocalTime.of(8, 0)), "08:00 goes at once");
        assertFalse(NIGHT.holds(LocalTime.NOON));
    }

    @Test
    void heldBeforeMidnightOnNewYearsEveTheyEndAt0800OnNewYearsDay() {
        assertEquals(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, SHANGHAI),
                NIGHT.endAfter(ZonedDateTime.of(2026, 12, 31, 21, 0, 0, 0, SHANGHAI)));
        assertEquals(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, SHANGHAI),
                NIGHT.endAfter(ZonedDateTime.of(2026, 12, 31, 23, 59, 0, 0, SHANGHAI)));
        // after midnight, the same morning's
        assertEquals(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, SHANGHAI),
                NIGHT.endAfter(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, SHANGHAI)));
        assertEquals(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, SHANGHAI),
                NIGHT.endAfter(ZonedDateTime.of(2027, 1, 1, 7, 59, 59, 0, SHANGHAI)));
    }

    @Test
    void quietHoursWithinOneDayHoldOnlyBetweenTheirTimes() {
        QuietHours lunch = QuietHours.parse("12:00-13:30");
        assertFalse(lunch.holds(LocalTime.of(11, 59, 59)));
        assertTrue(lunch.holds(LocalTime.NOON));
        assertTrue(lunch.holds(LocalTime.of(13, 29, 59)));
        assertFalse(lunch.holds(LocalTime.of(13, 30)));
        assertFalse(lunch.holds(LocalTime.MIDNIGHT));
        assertEquals(ZonedDateTime.of(2026, 12, 31, 13, 30, 0, 0, SHANGHAI),
                lunch.endAfter(ZonedDateTime.of(2026, 12, 31, 12, 10, 0, 0, SHANGHAI)));
    }

    @Test
    void offOrEmptyHoldsNothing() {
        for (String off : new String[] {"off", "OFF", "", "  "}) {
            QuietHours none = QuietHours.parse(off);
            assertFalse(none.holds(LocalTime.MIDNIGHT), off);
            assertFalse(none.holds(LocalTime.of(21, 0)), off);
            assertEquals("off", none.toString());
        }
    }

    @Test
    void theSettingIsReadWithSpacesAndOneDigitHoursAndWrittenBackAsSet() {
        assertEquals("21:00-08:00", QuietHours.parse(" 21:00 - 8:00 ").toString());
        assertEquals("22:30-07:00", QuietHours.parse("22:30-07:00").toString());
    }

    @Test
    void aSettingThatIsNoTimeRangeIsRefusedSayingWhatIsExpected() {
        for (String bad : new String[] {"21-08", "21:00", "25:00-08:00", "21:00-08:60", "night", "21:00-21:00"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> QuietHours.parse(bad), bad);
            assertTrue(refused.getMessage().contains("notices.quiet-hours"), refused.getMessage());
        }
    }
}
