package io.rectification.reporting.notice;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tag a notice's subject opens with ({@link NoticeTexts}), and what a count of such notices is in the
 * subject of the one mail that stands for them ({@link CombinedNoticeText}): 【销号待核验】12项任务待核验. Both
 * here, so a tag reworded in one is not left behind in the other. A kind has one tag, but for TASK_CLOSED_OUT
 * (已销号 or 转入巩固).
 */
enum NoticeTag {
    CLAIM_TO_VERIFY("【销号待核验】", "项任务待核验"),
    COMPLETION_REJECTED("【销号申请被退回】", "项任务的销号申请被退回"),
    OVERDUE("【任务逾期】", "项任务逾期"),
    REOPENED("【再整改】", "项任务经“回头看”后再整改"),
    DEADLINE_CHANGED("【完成时限调整】", "项任务的完成时限调整"),
    EXTENSION_REFUSED("【延期申请未获同意】", "项任务的延期申请未获同意"),
    CLOSED_OUT("【已销号】", "项任务已销号"),
    CONSOLIDATING("【转入巩固】", "项任务转入巩固提升"),
    REPLY_DUE_SOON("【群众反映答复临近期限】", "件群众反映答复临近期限"),
    REPLY_OVERDUE("【群众反映答复逾期】", "件群众反映答复逾期");

    final String mark;
    /** What follows the count: 12项任务待核验. */
    final String counted;

    NoticeTag(String mark, String counted) {
        this.mark = mark;
        this.counted = counted;
    }

    static Optional<NoticeTag> ofMark(String mark) {
        return Arrays.stream(values()).filter(tag -> tag.mark.equals(mark)).findFirst();
    }
}
