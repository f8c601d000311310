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
 */
@Schema(requiredProperties = {"id", "version", "trackingCode", "publicationId", "inspectionId", "channel", "status",
        "text", "anonymous", "submitterMasked", "receivedAt", "replyDueAt"})
public record FeedbackStaffView(UUID id, long version, String trackingCode, UUID publicationId, UUID inspectionId,
                                FeedbackChannel channel, FeedbackCategory category, FeedbackStatus status,
                                UUID areaId, UUID problemId, UUID taskId, String text, boolean anonymous,
                                Submitter submitterMasked, String receiptNumber, OffsetDateTime receivedAt,
                                OffsetDateTime replyDueAt, OffsetDateTime triagedAt, OffsetDateTime answeredAt,
                                OffsetDateTime answerRevisedAt, OffsetDateTime closedAt, String answer, UUID mergedIntoId,
                                UUID escalatedProblemId, LedgerReadModel.ProblemProgress escalatedProblem,
                                String escalationRefusedReason) {

    public static FeedbackStaffView of(Feedback feedback, Submitter submitter, LedgerReadModel.ProblemProgress problem) {
        return new FeedbackStaffView(feedback.id, feedback.version, TrackingCodes.display(feedback.trackingCode),
                feedback.publicationId, feedback.inspectionId, feedback.channel, feedback.category, feedback.status,
                feedback.areaId, feedback.problemId, feedback.taskId, Masks.contactsIn(feedback.text, submitter), feedback.anonymous,
                submitter.masked(), feedback.receiptNumber, feedback.receivedAt, feedback.replyDueAt,
                feedback.triagedAt, feedback.answeredAt, feedback.answerRevisedAt, feedback.closedAt, feedback.answer, feedback.mergedIntoId,
                feedback.escalatedProblemId, problem, feedback.escalationRefusedReason);
    }
}
