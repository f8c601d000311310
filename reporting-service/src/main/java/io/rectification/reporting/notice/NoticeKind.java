package io.rectification.reporting.notice;

import io.rectification.platform.security.Roles;

/** The immediate notices, whom each goes to, and the label a person's preferences show. */
public enum NoticeKind {
    /** TaskCompletionClaimed → the supervisors (督查). */
    CLAIM_TO_VERIFY("销号申请待核实", Roles.SUPERVISOR, false),
    /** TaskCompletionRejected → the officers of the task's unit, with the reason. */
    COMPLETION_REJECTED("销号申请被退回", Roles.OFFICER, true),
    /** TaskOverdue (the task or one of its stage goals) → the officers of the task's unit. */
    TASK_OVERDUE("任务逾期", Roles.OFFICER, true),
    /** FeedbackReplyDueSoon → the coordinators who answer feedback. */
    FEEDBACK_REPLY_DUE_SOON("群众反映答复临近期限", Roles.COORDINATOR, false),
    /** FeedbackReplyOverdue → the coordinators. */
    FEEDBACK_REPLY_OVERDUE("群众反映答复逾期", Roles.COORDINATOR, false);

    private final String label;
    private final String role;
    private final boolean ofTheUnit;

    NoticeKind(String label, String role, boolean ofTheUnit) {
        this.label = label;
        this.role = role;
        this.ofTheUnit = ofTheUnit;
    }

    public String label() {
        return label;
    }

    String role() {
        return role;
    }

    boolean ofTheUnit() {
        return ofTheUnit;
    }
}
