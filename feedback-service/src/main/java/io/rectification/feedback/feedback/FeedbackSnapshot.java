package io.rectification.feedback.feedback;

import io.rectification.platform.contract.FeedbackEvent;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The feedback as the audit trail and (through {@link #published()}) the events carry it: state, links and dates
 * only ({@code problemId}: linked in triage; {@code escalatedProblemId}: registered from its escalation). Never the
 * submitter's name or contact details, never the text a member of the public wrote, never the answer's text. The
 * audit trail's entries also say when an answer was revised ({@code answerRevisedAt}); the events' contract has no
 * member for it (their {@code answeredAt} stays the first answer's time).
 */
public record FeedbackSnapshot(UUID id, UUID publicationId, UUID inspectionId, FeedbackChannel channel,
                               FeedbackCategory category, FeedbackStatus status, UUID areaId, UUID problemId,
                               UUID taskId, UUID escalatedProblemId, OffsetDateTime receivedAt,
                               OffsetDateTime triagedAt, OffsetDateTime answeredAt, OffsetDateTime answerRevisedAt,
                               OffsetDateTime closedAt, OffsetDateTime replyDueAt, boolean anonymous,
                               boolean receivedTimeGiven) {

    public static FeedbackSnapshot of(Feedback feedback) {
        return new FeedbackSnapshot(feedback.id, feedback.publicationId, feedback.inspectionId, feedback.channel,
                feedback.category, feedback.status, feedback.areaId, feedback.problemId, feedback.taskId,
                feedback.escalatedProblemId, feedback.receivedAt, feedback.triagedAt, feedback.answeredAt,
                feedback.answerRevisedAt, feedback.closedAt, feedback.replyDueAt, feedback.anonymous,
                feedback.receivedTimeGiven);
    }

    /** As every feedback event carries it (the contract's record, enum values by name). */
    public FeedbackEvent.FeedbackSnapshot published() {
        return new FeedbackEvent.FeedbackSnapshot(id, publicationId, inspectionId, channel.name(),
                category == null ? null : category.name(), status.name(), areaId, problemId, taskId, escalatedProblemId,
                receivedAt, triagedAt, answeredAt, closedAt, replyDueAt, anonymous, receivedTimeGiven);
    }
}
