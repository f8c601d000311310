package io.rectification.feedback.tracking;

import io.rectification.feedback.feedback.Feedback;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which registrations came without a time: the stored flag says so, not the hour nor the history's text. */
class ReceivedDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Feedback receivedAt(String instant, boolean timeGiven) {
        Feedback feedback = new Feedback();
        feedback.receivedAt = OffsetDateTime.parse(instant);
        feedback.receivedTimeGiven = timeGiven;
        return feedback;
    }

    @Test
    void aRegistrationWithoutATimeIsItsDayInThePublicationsZone() {
        // 00:00 on 5 December in Shanghai is still the 4th in UTC
        assertEquals(LocalDate.parse("2026-12-05"),
                ReceivedDay.withoutTime(receivedAt("2026-12-04T16:00:00Z", false), SHANGHAI));
    }

    @Test
    void aTimeGivenAsMidnightIsATimeNotADayAlone() {
        // a call staff registered at 00:00 came at midnight: the flag decides, not the hour
        assertNull(ReceivedDay.withoutTime(receivedAt("2026-12-04T16:00:00Z", true), SHANGHAI));
        assertNull(ReceivedDay.withoutTime(receivedAt("2026-12-05T02:30:00Z", true), SHANGHAI));
    }

    @Test
    void aNewFeedbackHasItsTimeUntilStaffSayOtherwise() {
        // web and API submissions never touch the flag
        assertEquals(true, new Feedback().receivedTimeGiven);
    }
}
