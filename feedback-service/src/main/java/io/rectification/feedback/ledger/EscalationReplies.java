package io.rectification.feedback.ledger;

import java.util.UUID;

/**
 * What tasks-service answers to an escalated feedback, as the ledger's consumer reads it: the
 * feedback handling (package {@code feedback}) implements it, so the ledger, which the handling
 * reads, does not depend on the handling in turn.
 */
public interface EscalationReplies {

    /** The feedback became the problem {@code problemId} (ProblemRegistered with source FEEDBACK). */
    void becameProblem(UUID feedbackId, UUID problemId);

    /**
     * tasks-service could not apply the escalation (FeedbackEscalationRefused) the feedback had at
     * {@code feedbackVersion} (null when the event does not say).
     */
    void refused(UUID feedbackId, Long feedbackVersion, String field, String reason);
}
