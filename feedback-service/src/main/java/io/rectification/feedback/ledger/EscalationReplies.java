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

    /** tasks-service could not apply the escalation (FeedbackEscalationRefused). */
    void refused(UUID feedbackId, String field, String reason);
}
