package io.rectification.feedback.tracking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which registrations came without a time: only the staff record's RECEIVED entry says so. */
class ReceivedDayTest {

    @Test
    void aStaffRecordWithoutATimeIsADayAlone() {
        assertTrue(ReceivedDay.timeNotGiven("recorded by staff, received on 2026-12-05 (POST)"));
        assertTrue(ReceivedDay.timeNotGiven("recorded by staff, received on 2026-12-05, receipt 信访〔2026〕12号 (POST)"));
        assertFalse(ReceivedDay.timeNotGiven("recorded by staff, received on 2026-12-05 at 10:30 (PHONE)"));
        assertFalse(ReceivedDay.timeNotGiven("recorded by staff, received on 2026-12-05 at 00:00, receipt 12 (PHONE)"));
        // a web or API submission always has its time
        assertFalse(ReceivedDay.timeNotGiven("submitted (WEB)"));
        assertFalse(ReceivedDay.timeNotGiven(null));
    }
}
