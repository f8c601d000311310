package io.rectification.feedback.tracking;

import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.ledger.LedgerReadModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a tracking code shows: status, dates and the published answer; nothing about who sent it or
 * what it said. {@code problem}: the rectification problem an escalated feedback became, with its
 * public progress (null otherwise). A merged feedback shows the answer of the one it was merged into
 * ({@code answer}, {@code answeredAt}, {@code answerRevisedAt}), never that one's code.
 * {@code answeredAt} is when the first answer was published; {@code answerRevisedAt}, when the
 * answer shown replaced it (null while the first stands). {@code linkNotice}: a sentence in the
 * reader's language when the part of the ledger the feedback is linked to was cancelled (撤销).
 * {@code publicationTitle} and {@code inspectionTitle}: what the feedback was submitted on, so the reader
 * knows which publication and inspection it concerns (public titles, nothing of the submitter's).
 */
@Schema(requiredProperties = {"trackingCode", "publicationTitle", "status", "receivedAt", "replyDueDate"})
public record TrackingView(String trackingCode, @Schema(description = PUBLICATION_TITLE) String publicationTitle,
                           @Schema(description = INSPECTION_TITLE) String inspectionTitle, FeedbackStatus status, OffsetDateTime receivedAt,
                           @Schema(description = RECEIVED_ON) LocalDate receivedOn, LocalDate replyDueDate, OffsetDateTime answeredAt, OffsetDateTime answerRevisedAt,
                           OffsetDateTime closedAt, String answer, LedgerReadModel.ProblemProgress problem,
                           @Schema(description = LINK_NOTICE) String linkNotice) {

    static final String PUBLICATION_TITLE = "The title of the publication the feedback was submitted on";
    static final String INSPECTION_TITLE = "The title of the inspection that publication is about, as tasks-service"
            + " registered it (省委第七巡视组专项巡视沈阳高新区); null while feedback-service has not heard of it";

    static final String RECEIVED_ON = "The day a call, letter or mail came, in the publication's zone, when staff"
            + " registered it without its time (receivedAt is then that day's 00:00, not a call at midnight): a page shows"
            + " the day alone. Null when the time is known";

    static final String LINK_NOTICE = "When the office cancelled (撤销) the area, problem or task of the"
            + " rectification ledger the feedback is linked to: one sentence for the reader, in the language asked"
            + " for (Accept-Language), saying it was entered by mistake and taken out of the ledger, and, while the"
            + " feedback is RECEIVED or TRIAGED, that it will be looked at again; never the reason recorded nor who"
            + " cancelled it. Null otherwise, and for an escalated feedback (problem is what it became)";
}
