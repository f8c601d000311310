package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One recorded step: who, when, what; for a published answer (ANSWERED, ANSWER_REVISED) the text it published. */
@Schema(requiredProperties = {"at", "actor", "action"})
public record HistoryView(OffsetDateTime at, String actor, String action, String detail,
                          @Schema(description = "ANSWERED and ANSWER_REVISED: the answer this step published, kept when a "
                                  + "later one replaced it; null for every other step")
                          String answer) {

    static HistoryView of(FeedbackHistoryEntry entry) {
        return new HistoryView(entry.at, entry.actor, entry.action, entry.detail, entry.answer);
    }
}
