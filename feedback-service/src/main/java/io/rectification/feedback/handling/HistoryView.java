package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One recorded step: who, when, what. */
@Schema(requiredProperties = {"at", "actor", "action"})
public record HistoryView(OffsetDateTime at, String actor, String action, String detail) {

    static HistoryView of(FeedbackHistoryEntry entry) {
        return new HistoryView(entry.at, entry.actor, entry.action, entry.detail);
    }
}
