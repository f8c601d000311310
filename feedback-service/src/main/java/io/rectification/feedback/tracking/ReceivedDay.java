package io.rectification.feedback.tracking;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackHistoryEntry;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Staff may register a call or letter without its time; the service then keeps the day's 00:00 as
 * receivedAt (FeedbackIntakeService), and only the RECEIVED entry of its history says no time was given
 * ("recorded by staff, received on 2026-12-05", without " at …"). The console shows such a day alone
 * (未记录时间); the public tracking page must not show it as received at 00:00 either.
 */
final class ReceivedDay {

    static final String STAFF_RECORD = "recorded by staff, received on ";

    private ReceivedDay() {
    }

    /** The day it came when staff gave no time; null when the time is known (every web and API submission). */
    static LocalDate withoutTime(Feedback feedback, ZoneId zone) {
        FeedbackHistoryEntry received = FeedbackHistoryEntry.<FeedbackHistoryEntry>find(
                "feedbackId = ?1 and action = 'RECEIVED' order by id", feedback.id).firstResult();
        return received != null && timeNotGiven(received.detail)
                ? feedback.receivedAt.atZoneSameInstant(zone).toLocalDate() : null;
    }

    static boolean timeNotGiven(String detail) {
        if (detail == null || !detail.startsWith(STAFF_RECORD)) {
            return false;
        }
        // "… received on 2026-12-05 at 10:30, receipt …": the time follows the day
        String afterDay = detail.substring(Math.min(detail.length(), STAFF_RECORD.length() + "yyyy-MM-dd".length()));
        return !afterDay.startsWith(" at ");
    }
}
