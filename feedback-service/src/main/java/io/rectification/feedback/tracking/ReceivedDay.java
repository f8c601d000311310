package io.rectification.feedback.tracking;

import io.rectification.feedback.feedback.Feedback;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Staff may register a call or letter without its time; the service then keeps the day's 00:00 as
 * receivedAt and says so in {@link Feedback#receivedTimeGiven} (FeedbackIntakeService). The console shows
 * such a day alone (未记录时间); the public tracking page must not show it as received at 00:00 either.
 */
final class ReceivedDay {

    private ReceivedDay() {
    }

    /** The day it came when staff gave no time; null when the time is known (every web and API submission). */
    static LocalDate withoutTime(Feedback feedback, ZoneId zone) {
        return feedback.receivedTimeGiven ? null : feedback.receivedAt.atZoneSameInstant(zone).toLocalDate();
    }
}
