package io.rectification.feedback.feedback;

import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.personal.Masks;
import io.rectification.feedback.personal.Submitter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A feedback as staff see it in lists and on its page: contact details masked, and so is contact data
 * written into the text (the text as sent comes with the details, to the personal-data permission);
 * after an escalation the problem it became (title and progress as tasks-service announced them)
 * or why tasks-service refused it. {@code answeredAt} is when the first answer was published,
 * {@code answerRevisedAt} when {@code answer} last replaced it (null while the first stands).
 * {@code linkCancelledAt}: when the office cancelled (撤销) the part of the ledger the feedback is linked to;
 * {@code personalDataErasedAt}: when the retention period erased the submitter's contact details;
 * {@code replyUrgency}: how urgent its reply is ({@link ReplyRule}).
 */
@Schema(requiredProperties = {"id", "version", "trackingCode", "publicationId", "inspectionId", "channel", "status",
        "text", "anonymous", "submitterMasked", "receivedAt", "receivedTimeGiven", "replyDueAt"})
public record FeedbackStaffView(UUID id, long version, String trackingCode, UUID publicationId, UUID inspectionId,
                                FeedbackChannel channel, FeedbackCategory category, FeedbackStatus status,
                                UUID areaId, UUID problemId, UUID taskId,
                                @Schema(description = LINK_CANCELLED_AT) OffsetDateTime linkCancelledAt,
                                String text, boolean anonymous,
                                Submitter submitterMasked, String receiptNumber, OffsetDateTime receivedAt,
                                @Schema(description = RECEIVED_TIME_GIVEN) boolean receivedTimeGiven,
                                OffsetDateTime replyDueAt, OffsetDateTime triagedAt, OffsetDateTime answeredAt,
                                OffsetDateTime answerRevisedAt, OffsetDateTime closedAt, String answer, UUID mergedIntoId,
                                UUID escalatedProblemId, LedgerReadModel.ProblemProgress escalatedProblem,
                                String escalationRefusedReason,
                                @Schema(description = PERSONAL_DATA_ERASED_AT) OffsetDateTime personalDataErasedAt,
                                @Schema(description = REPLY_URGENCY) ReplyUrgency replyUrgency) {

    static final String REPLY_URGENCY = "How urgent its reply is as of the read (the inbox's rule, ReplyRule): OVERDUE"
            + " past the reply day, DUE_SOON within the to-do horizon, NEW received and neither, OPEN the rest owed a"
            + " reply; null once it is owed none (answered, closed, merged)";

    static final String PERSONAL_DATA_ERASED_AT = "When the submitter's contact details and pseudonyms were erased"
            + " under the retention period (feedback.personal-data.retention, counted from the last step of a finished"
            + " feedback); null while they are kept. Once erased, submitterMasked holds nothing and GET"
            + " /feedback/{id}/submitter answers 410";

    static final String RECEIVED_TIME_GIVEN = "False when staff registered the call or letter without its time of"
            + " day: receivedAt is then that day's 00:00 in the publication's zone, to be shown as the day alone"
            + " (未记录时间), not as a call at midnight. True for every web and API submission";

    static final String LINK_CANCELLED_AT = "When the office cancelled (撤销: entered by mistake) the area, problem or"
            + " task the feedback is linked to (areaId, problemId, taskId; the earliest if more than one), as"
            + " tasks-service announced it; null while the link stands or when there is none. The link is kept: a"
            + " triage moves it to a part that stands (a RECEIVED or TRIAGED feedback), and refuses (409) to link the"
            + " cancelled part anew. A submission naming a part cancelled since its form was loaded (the public form,"
            + " staff intake) is kept with the submitter's choice, marked so from the start. The tracking page then"
            + " tells the submitter so, in a sentence of its own (linkNotice)";

    public static FeedbackStaffView of(Feedback feedback, Submitter submitter, LedgerReadModel.ProblemProgress problem,
                                       OffsetDateTime linkCancelledAt, ReplyRule.AsOf asOf) {
        return new FeedbackStaffView(feedback.id, feedback.version, TrackingCodes.display(feedback.trackingCode),
                feedback.publicationId, feedback.inspectionId, feedback.channel, feedback.category, feedback.status,
                feedback.areaId, feedback.problemId, feedback.taskId, linkCancelledAt, Masks.contactsIn(feedback.text, submitter), feedback.anonymous,
                submitter.masked(), feedback.receiptNumber, feedback.receivedAt, feedback.receivedTimeGiven, feedback.replyDueAt,
                feedback.triagedAt, feedback.answeredAt, feedback.answerRevisedAt, feedback.closedAt, feedback.answer, feedback.mergedIntoId,
                feedback.escalatedProblemId, problem, feedback.escalationRefusedReason, feedback.personalDataErasedAt,
                asOf.of(feedback));
    }
}
