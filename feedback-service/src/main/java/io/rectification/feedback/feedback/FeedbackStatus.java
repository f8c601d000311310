package io.rectification.feedback.feedback;

/**
 * Where a feedback is: received, triaged, answered, closed; or escalated as a new problem, or merged
 * into another. ESCALATION_REFUSED: tasks-service could not register the escalation (staff see the
 * reason and may escalate again); the public sees it as being handled (TRIAGED).
 */
public enum FeedbackStatus {
    RECEIVED, TRIAGED, ANSWERED, CLOSED, ESCALATED, MERGED, ESCALATION_REFUSED
}
