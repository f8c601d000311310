package io.rectification.reporting.notice;

import io.rectification.platform.security.Roles;

import java.util.List;

/** The immediate notices, whom each goes to, and the label a person's preferences show. */
public enum NoticeKind {
    /** TaskCompletionClaimed → the supervisors (督查). */
    CLAIM_TO_VERIFY("销号申请待核验", List.of(Roles.SUPERVISOR), false),
    /** TaskCompletionRejected → the officers of the task's unit, with the reason. */
    COMPLETION_REJECTED("销号申请被退回", List.of(Roles.OFFICER), true),
    /** TaskOverdue (the task or one of its stage goals) → the officers of the task's unit. */
    TASK_OVERDUE("任务逾期", List.of(Roles.OFFICER), true),
    /** TaskReopened (a look-back review found the close-out regressed, 再整改) → the officers of the task's unit, with the reason. */
    TASK_REOPENED("“回头看”后再整改", List.of(Roles.OFFICER), true),
    /**
     * TaskCompleted (核实销号) or TaskConsolidating (核实转入巩固) → the officers of the task's unit, with the
     * verifier's note: the unit learns its claim went through as it learns of a rejection.
     */
    TASK_CLOSED_OUT("任务销号", List.of(Roles.OFFICER), true),
    /** TaskDeadlineChanged (the office moved the deadline, 延期 or earlier) → the officers of the task's unit, with the reason. */
    DEADLINE_CHANGED("完成时限调整", List.of(Roles.OFFICER), true),
    /**
     * TaskDeadlineExtensionRefused (the office refused the unit's request for a later deadline, 延期申请) → the
     * officers of the task's unit, with the reason. An approval is a TaskDeadlineChanged: DEADLINE_CHANGED.
     */
    DEADLINE_EXTENSION_REFUSED("延期申请未获同意", List.of(Roles.OFFICER), true),
    /** FeedbackReplyDueSoon → those who answer feedback: the coordinators and the feedback handlers (来信来电). */
    FEEDBACK_REPLY_DUE_SOON("群众反映答复临近期限", List.of(Roles.COORDINATOR, Roles.FEEDBACK_HANDLER), false),
    /** FeedbackReplyOverdue → the same. */
    FEEDBACK_REPLY_OVERDUE("群众反映答复逾期", List.of(Roles.COORDINATOR, Roles.FEEDBACK_HANDLER), false);

    private final String label;
    private final List<String> roles;
    private final boolean ofTheUnit;

    NoticeKind(String label, List<String> roles, boolean ofTheUnit) {
        this.label = label;
        this.roles = roles;
        this.ofTheUnit = ofTheUnit;
    }

    public String label() {
        return label;
    }

    /** Whom it goes to: the holders of any of these roles (of the unit, when {@link #ofTheUnit}). */
    List<String> roles() {
        return roles;
    }

    boolean ofTheUnit() {
        return ofTheUnit;
    }
}
