package io.rectification.reporting.todo;

/** The kinds of 待办, each with the label the console and the digest show. */
public enum TodoKind {
    TASK_OVERDUE("任务已逾期"),
    TASK_DUE_SOON("任务临近完成时限"),
    PROGRESS_REPORT_MISSING("进展情况未按期报送"),
    /** The next progress report is due today (its due day; missing from tomorrow, as PROGRESS_REPORT_MISSING). */
    PROGRESS_REPORT_DUE("进展情况今日应报送"),
    TASK_REOPENED("“回头看”后再整改"),
    CLAIM_REJECTED("销号申请被驳回"),
    STAGE_GOAL_OVERDUE("阶段目标已逾期"),
    STAGE_GOAL_DUE("阶段目标临近时限"),
    CLAIM_TO_VERIFY("销号申请待核验"),
    LOOK_BACK_DUE("“回头看”待开展"),
    FEEDBACK_REPLY_OVERDUE("群众反映答复已逾期"),
    FEEDBACK_REPLY_DUE("群众反映待答复"),
    MEETING_DECISION_OVERDUE("会议议定事项已逾期"),
    MEETING_DECISION_DUE("会议议定事项临近时限"),
    PROBLEM_WITHOUT_MEASURES("制定整改措施"),
    /** A unit's request for a later deadline (延期申请), the office's to decide. */
    DEADLINE_EXTENSION_REQUESTED("延期申请待审批");

    private final String label;

    TodoKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A decision of a meeting (会议议定事项), its own text, which may be about a task. */
    public static boolean isMeetingDecision(TodoKind kind) {
        return kind == MEETING_DECISION_OVERDUE || kind == MEETING_DECISION_DUE;
    }
}
