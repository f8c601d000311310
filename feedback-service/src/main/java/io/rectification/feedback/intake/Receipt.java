package io.rectification.feedback.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a submitter gets back: the tracking code to look the feedback up, and when to expect a reply. */
@Schema(requiredProperties = {"trackingCode", "receivedAt", "replyDueAt", "replyDueDate"})
public record Receipt(String trackingCode, OffsetDateTime receivedAt, OffsetDateTime replyDueAt,
                      LocalDate replyDueDate) {
}
