package io.rectification.feedback.feedback;

/**
 * How urgent a feedback's reply is, as the inbox (意见建议办理) and 待办 read it ({@link ReplyRule}): OVERDUE past its
 * reply day, DUE_SOON within the to-do horizon, NEW received and not yet either, OPEN the rest still owed a reply;
 * null (no urgency) once it is owed none.
 */
public enum ReplyUrgency {
    OVERDUE, DUE_SOON, NEW, OPEN
}
