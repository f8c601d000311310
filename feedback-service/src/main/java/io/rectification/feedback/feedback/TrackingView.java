package io.rectification.feedback.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a tracking code shows: status, dates and the published answer; nothing about who sent it or what it said. */
public record TrackingView(String trackingCode, FeedbackStatus status, OffsetDateTime receivedAt,
                           LocalDate replyDueDate, OffsetDateTime answeredAt, OffsetDateTime closedAt, String answer) {
}
