package io.rectification.feedback.feedback;

/** 意见 / 建议 / 投诉 / 问题线索 (a report of misconduct). Set at triage. */
public enum FeedbackCategory {
    OPINION, SUGGESTION, COMPLAINT, MISCONDUCT_REPORT
}
