package io.rectification.feedback.feedback;

/**
 * 意见 / 建议 / 投诉 / 举报 (a report of misconduct, 问题线索). Chosen by the submitter on the web form
 * or by the Open311 service, or set at triage; the reply deadline follows it ({@link ReplyDeadlines}).
 */
public enum FeedbackCategory {
    OPINION("意见"), SUGGESTION("建议"), COMPLAINT("投诉"), MISCONDUCT_REPORT("举报");

    /** The name the public form shows. */
    public final String label;

    FeedbackCategory(String label) {
        this.label = label;
    }
}
