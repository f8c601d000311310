package io.rectification.tasks.plan;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Excel (zh-CN) saves the template's 2027-12-31 as 2027/12/31, and offices write 2026年12月31日: every
 * such deadline was refused as "not a date (YYYY-MM-DD)".
 */
@Tag("fast")
class PlanDatesTest {

    @Test
    void theFormsAClerkWritesAreRead() {
        LocalDate last = LocalDate.of(2026, 12, 31);
        LocalDate fifth = LocalDate.of(2026, 1, 5);
        assertEquals(last, date("2026-12-31"));
        assertEquals(last, date("2026/12/31"));
        assertEquals(fifth, date("2026/1/5"));
        assertEquals(fifth, date("2026-1-5"));
        assertEquals(last, date("2026.12.31"));
        assertEquals(last, date("2026年12月31日"));
        assertEquals(fifth, date("2026年1月5日"));
        assertEquals(last, date("２０２６－１２－３１"), "full-width digits and dash");
        assertEquals(last, date("２０２６年１２月３１日"));
        assertEquals(last, date("  2026/12/31 "), "surrounding blanks");
        assertEquals(last, date("2026 年 12 月 31 日"), "blanks inside");
        assertEquals(last, date("2026/12/31 0:00"), "a date-time cell as Excel writes it to CSV");
    }

    /** A date cell formatted as General shows its serial number; 46387 is 2026-12-31 in Excel's 1900 system. */
    @Test
    void anExcelSerialNumberIsReadOnlyWhenItCanBeNothingElse() {
        PlanDates.Reading serial = PlanDates.read("46387");
        assertEquals(LocalDate.of(2026, 12, 31), serial.date());
        assertTrue(serial.fromSerial());
        assertEquals(LocalDate.of(2000, 1, 1), date("36526"));
        assertEquals(LocalDate.of(2099, 12, 31), date("73050"));
        assertFalse(PlanDates.read("2026-12-31").fromSerial());
        // outside 2000–2099, or not five digits: not taken for a date
        assertNull(date("36525"));
        assertNull(date("73051"));
        assertNull(date("4638"));
        assertNull(date("46387.5"));
    }

    @Test
    void whatIsNoDayIsRefusedListingTheFormsRead() {
        for (String text : new String[] {"2026年12月", "2026-13-45", "2027-02-29", "明年", "2026/12", "31/12/2026", "长期坚持"}) {
            PlanDates.Reading reading = PlanDates.read(text);
            assertNull(reading.date(), text);
            assertTrue(reading.problem().startsWith("'" + text + "' is not a date; write it as 2026-12-31, 2026/12/31, "
                    + "2026.12.31 or 2026年12月31日"), reading.problem());
        }
        assertTrue(PlanDates.read("长期坚持").problem().contains("任务类型"), "长期坚持 is a kind, and says so");
    }

    /** The leap day 2027-02-29 is not (refused above) is a day in 2028, in every form read, the serial too. */
    @Test
    void theLeapDayOf2028IsReadInEveryAcceptedForm() {
        LocalDate leap = LocalDate.of(2028, 2, 29);
        for (String text : new String[] {"2028-02-29", "2028-2-29", "2028/02/29", "2028/2/29", "2028.02.29",
                "2028.2.29", "2028年2月29日", "2028年02月29日", "2028年2月29", "２０２８－０２－２９", "２０２８年２月２９日",
                "2028/2/29 0:00", "46812"}) {
            assertEquals(leap, date(text), text);
        }
        assertTrue(PlanDates.read("46812").fromSerial());
        assertEquals(LocalDate.of(2028, 3, 1), date("46813"), "the serial after the leap day");
    }

    /** Years LocalDate reads but a day's arithmetic or PostgreSQL does not take: refused as in a JSON body. */
    @Test
    void aDateOutsideTheAcceptedRangeIsRefused() {
        PlanDates.Reading far = PlanDates.read("9999-12-31");
        assertNull(far.date());
        assertEquals("'9999-12-31' must be between 1900-01-01 and 2199-12-31", far.problem());
    }

    private static LocalDate date(String text) {
        return PlanDates.read(text).date();
    }
}
