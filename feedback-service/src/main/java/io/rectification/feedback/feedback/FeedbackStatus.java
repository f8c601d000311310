package io.rectification.feedback.feedback;

/** Where a feedback is: received, triaged, answered, closed; or escalated as a new problem, or merged into another. */
public enum FeedbackStatus {
    RECEIVED, TRIAGED, ANSWERED, CLOSED, ESCALATED, MERGED
}
