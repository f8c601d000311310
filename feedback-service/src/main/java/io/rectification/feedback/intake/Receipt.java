package io.rectification.feedback.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a submitter gets back: the tracking code to look the feedback up, and when to expect a reply. */
public record Receipt(String trackingCode, OffsetDateTime receivedAt, OffsetDateTime replyDueAt,
                      LocalDate replyDueDate) {
}
