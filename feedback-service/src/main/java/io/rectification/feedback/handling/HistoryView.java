package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import java.time.OffsetDateTime;

/** One recorded step: who, when, what. */
public record HistoryView(OffsetDateTime at, String actor, String action, String detail) {

    static HistoryView of(FeedbackHistoryEntry entry) {
        return new HistoryView(entry.at, entry.actor, entry.action, entry.detail);
    }
}
