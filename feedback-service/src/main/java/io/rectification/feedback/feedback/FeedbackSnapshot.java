package io.rectification.feedback.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The feedback as events carry it: state, links and dates only. Never the submitter's name or
 * contact details, never the text a member of the public wrote, never the answer's text.
 */
public record FeedbackSnapshot(UUID id, UUID publicationId, UUID inspectionId, FeedbackChannel channel,
                               FeedbackCategory category, FeedbackStatus status, UUID areaId, UUID problemId,
                               UUID taskId, OffsetDateTime receivedAt, OffsetDateTime triagedAt,
                               OffsetDateTime answeredAt, OffsetDateTime closedAt, OffsetDateTime replyDueAt,
                               boolean anonymous) {

    static FeedbackSnapshot of(Feedback feedback) {
        return new FeedbackSnapshot(feedback.id, feedback.publicationId, feedback.inspectionId, feedback.channel,
                feedback.category, feedback.status, feedback.areaId, feedback.problemId, feedback.taskId,
                feedback.receivedAt, feedback.triagedAt, feedback.answeredAt, feedback.closedAt, feedback.replyDueAt,
                feedback.anonymous);
    }

    /** A public submission just received (see SubmissionBatch), as {@link #of} would show it once stored. */
    static FeedbackSnapshot received(PublicSubmission.NewFeedback feedback, UUID inspectionId) {
        return new FeedbackSnapshot(feedback.id(), feedback.publicationId(), inspectionId, feedback.channel(),
                feedback.category(), FeedbackStatus.RECEIVED, feedback.areaId(), null, feedback.taskId(),
                feedback.receivedAt(), null, null, null, feedback.replyDueAt(), feedback.anonymous());
    }

    /** FeedbackReceived, FeedbackTriaged, FeedbackAnswered, FeedbackClosed. */
    public record Event(FeedbackSnapshot feedback) {
    }

    public record Merged(FeedbackSnapshot feedback, UUID mergedIntoId) {
    }

    public record Escalated(FeedbackSnapshot feedback, Escalation escalation) {
    }

    /** FeedbackLinkedToProblem: tasks-service registered the escalated feedback as this problem. */
    public record Linked(FeedbackSnapshot feedback, UUID problemId) {
    }

    /** FeedbackEscalationFailed: tasks-service refused the escalation; the member it could not use and why. */
    public record Failed(FeedbackSnapshot feedback, String field, String reason) {
    }

    /** Written by staff for tasks-service to register a new problem (source FEEDBACK). */
    public record Escalation(UUID inspectionId, UUID areaId, String title, String description) {
    }
}
