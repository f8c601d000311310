package io.rectification.reporting.notice;

import io.rectification.platform.text.ChineseDates;
import io.rectification.platform.text.StaffWords;
import io.rectification.reporting.people.PersonNames;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.todo.FeedbackTitle;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * The words of each notice, in Chinese with full-width punctuation (，：（）) as the report's own
 * wording (report.ReportText), from the cause's facts only; what users wrote (a title, a reason) is
 * kept as they wrote it. A reader must know what a notice is about without opening the system: a
 * task is named by the plan's numbering, with its problem's source when that is not one of the
 * inspection's findings ({@link TaskReference}), a member of staff by the directory's
 * name ({@link PersonNames}), an overdue task with how many days ({@link DueWords}: calendar days in
 * the organisation's zone, as of the moment the mail is written). A feedback notice names the
 * feedback as the 待办 list does ({@link FeedbackTitle}: category, channel, when received), with its reply
 * deadline: who wrote it and what they wrote stay in feedback-service (the facts never held them).
 */
@ApplicationScoped
public class NoticeTexts {

    /** A notice's subject and plain-text body. */
    public record Text(String subject, String body) {
    }

    static final String FOOTER = "\n\n—— 巡视整改工作台自动发送，请勿回复。不需要此类通知的，可在工作台“通知设置”中关闭。";

    private final NoticeConfig config;
    private final PersonNames names;
    private final ReportingConfig reporting;

    public NoticeTexts(NoticeConfig config, PersonNames names, ReportingConfig reporting) {
        this.config = config;
        this.names = names;
        this.reporting = reporting;
    }

    /** The kinds whose words count days from the day they are written ({@link DueWords}): 已逾期N天, 还有N天, 今日到期. */
    static final Set<NoticeKind> COUNTS_DAYS = EnumSet.of(NoticeKind.TASK_OVERDUE, NoticeKind.FEEDBACK_REPLY_DUE_SOON,
            NoticeKind.FEEDBACK_REPLY_OVERDUE);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    /**
     * The words of a notice held through the quiet hours until {@code heldUntil} (docs/notices.md): the
     * same, except that one counting days from today which goes out on a later day first says when it
     * arose and that its days are counted as of that day (at 08:00 on 1 January, 已逾期1天 written at 23:59
     * on 31 December is two days by then). The subject stays as it is: what a mail is about does not
     * change with the hour it is sent.
     */
    public Text render(NoticeKind kind, NoticeFacts facts, ZonedDateTime heldUntil) {
        Text text = render(kind, facts);
        ZonedDateTime arose = reporting.now();
        if (!COUNTS_DAYS.contains(kind) || !heldUntil.toLocalDate().isAfter(arose.toLocalDate())) {
            return text;
        }
        String note = "（夜间免打扰：本通知于" + text(arose.toLocalDate()) + TIME.format(arose) + "产生，延至"
                + text(heldUntil.toLocalDate()) + TIME.format(heldUntil) + "发送，文中天数按" + text(arose.toLocalDate()) + "计算。）";
        return new Text(text.subject(), note + "\n\n" + text.body());
    }

    public Text render(NoticeKind kind, NoticeFacts facts) {
        return switch (kind) {
            case CLAIM_TO_VERIFY -> task(facts, NoticeTag.CLAIM_TO_VERIFY.mark, "", "以下整改任务已申请销号，请核实。",
                    line("申请人", names.of(facts.claimedBy())));
            case COMPLETION_REJECTED -> task(facts, NoticeTag.COMPLETION_REJECTED.mark, "", "以下整改任务的销号申请被退回，请按退回理由继续整改。",
                    line("退回人", names.of(facts.rejectedBy())) + line("退回理由", facts.reason()));
            case TASK_OVERDUE -> overdue(facts);
            // 完成时限 is the rework's, set by the review; 原完成时限 the close-out's, long past when a look-back comes
            case TASK_REOPENED -> task(facts, NoticeTag.REOPENED.mark, "", "以下整改任务经“回头看”复查发现问题反弹，已重新列入整改（再整改）。"
                            + "请按复查意见重新整改，并报送整改进展。",
                    line("原完成时限", text(facts.previousDeadline())) + line("复查人", names.of(facts.reopenedBy()))
                            + line("复查意见", facts.reason()));
            case DEADLINE_CHANGED -> deadlineMoved(facts);
            case DEADLINE_EXTENSION_REFUSED -> task(facts, NoticeTag.EXTENSION_REFUSED.mark, "",
                    "以下整改任务的延期申请未获整改办同意，完成时限不变，请按原完成时限推进整改。",
                    line("申请延至", text(facts.requestedDeadline())) + line("审批人", names.of(facts.rejectedBy()))
                            + line("不同意理由", facts.reason()));
            case TASK_CLOSED_OUT -> closedOut(facts);
            case FEEDBACK_REPLY_DUE_SOON -> feedback(facts, NoticeTag.REPLY_DUE_SOON.mark, "请按时答复。");
            case FEEDBACK_REPLY_OVERDUE -> feedback(facts, NoticeTag.REPLY_OVERDUE.mark, "请尽快答复。");
        };
    }

    /**
     * Calendar days from today (in the organisation's zone, by the injected clock) to {@code due}:
     * counted when the mail is written, so a notice written after an outage says the days as of its
     * writing, as the digest does; negative when past.
     */
    private long daysLeft(LocalDate due) {
        return ChronoUnit.DAYS.between(reporting.today(), due);
    }

    /**
     * A task's deadline or a stage goal's due date has passed: how many days, counted now (a notice
     * written after an outage says the days as of its writing), in the subject too.
     */
    private Text overdue(NoticeFacts facts) {
        LocalDate due = facts.dueDate();
        long days = -daysLeft(due);
        // an event ahead of this service's clock (not yet past here) says no count rather than 逾期0天
        String late = days > 0 ? "，" + DueWords.overdue(days) : "";
        boolean stageGoal = "MILESTONE".equals(facts.what());
        String goal = facts.stageGoal();
        String lead = stageGoal
                ? "以下整改任务的阶段目标" + (goal == null || goal.isBlank() ? "" : "“" + goal + "”") + "已超过时限（" + text(due) + "）"
                : "以下整改任务已超过完成时限（" + text(due) + "）";
        String tail = days > 0 ? "（" + (stageGoal ? "阶段目标" : "") + DueWords.overdue(days) + "）" : "";
        return task(facts, NoticeTag.OVERDUE.mark, tail, lead + late + "，请尽快推进并报送进展。", "");
    }

    /**
     * The office moved the deadline: later (延期) or earlier, from which date, who, why. The body's
     * 完成时限 is the new one, as on the task.
     */
    private Text deadlineMoved(NoticeFacts facts) {
        LocalDate from = facts.previousDeadline();
        boolean later = from != null && facts.deadline() != null && facts.deadline().isAfter(from);
        String lead = "以下整改任务的完成时限已" + (later ? "延后" : "调整") + "（原完成时限" + text(from) + "，现为"
                + text(facts.deadline()) + "），请按新的时限推进整改。";
        return task(facts, NoticeTag.DEADLINE_CHANGED.mark, "（" + text(from) + "调整为" + text(facts.deadline()) + "）", lead,
                line("原完成时限", text(from)) + line("调整人", names.of(facts.changedBy())) + line("调整理由", facts.reason()));
    }

    /**
     * The supervisor verified the claim: closed out (销号), or into consolidation (核实转入巩固, a long-term
     * task whose later goals are followed meanwhile), with the verifier's note.
     */
    private Text closedOut(NoticeFacts facts) {
        boolean consolidating = "CONSOLIDATING".equals(facts.what());
        String lead = consolidating
                ? "以下整改任务经核实已转入巩固提升阶段（" + StaffWords.STATE.get("CONSOLIDATING") + "），请按巩固提升要求继续推进，"
                        + "后续阶段目标到期时报送进展。"
                : "以下整改任务经核实已销号。销号后将按规定开展“回头看”，请巩固整改成效、防止问题反弹。";
        return task(facts, (consolidating ? NoticeTag.CONSOLIDATING : NoticeTag.CLOSED_OUT).mark, "", lead,
                line("核实人", names.of(facts.verifiedBy())) + line(consolidating ? "巩固提升要求" : "核实意见", facts.reason()));
    }

    private Text task(NoticeFacts facts, String tag, String subjectTail, String lead, String moreLines) {
        TaskReference task = TaskReference.of(facts);
        String title = facts.title();
        String body = lead + "\n"
                + line("任务", task.named(title))
                + line("所属巡视", facts.inspection())
                + line("责任单位", facts.responsibleUnit())
                + line("完成时限", text(facts.deadline()))
                + moreLines
                + "\n查看任务：" + config.consoleUrl() + "/tasks/" + facts.id() + FOOTER;
        return new Text(tag + inspectionMark(facts.inspection()) + task.heading(title) + subjectTail, body);
    }

    /**
     * A reply deadline, due soon or past: how soon (DueWords) in the subject and the first line, as a task's. The
     * feedback is named as the 待办 list names it ({@link FeedbackTitle}: category · channel · when received), in
     * the subject and the body: its UUID told a handler nothing, and the events carry no tracking code (it opens
     * the public's tracking page). The id is in the link alone.
     */
    private Text feedback(NoticeFacts facts, String tag, String ask) {
        LocalDate due = facts.replyDueDate();
        String when = DueWords.of(daysLeft(due));
        String title = FeedbackTitle.of(facts.category(), facts.channel(), facts.receivedAt(), facts.receivedTimeGiven(),
                reporting.zone());
        String body = "一件群众反映的答复期限为" + text(due) + "，" + when + "，" + ask + "\n"
                + line("所属巡视", facts.inspection())
                + "\n反映：" + title
                + "\n答复期限：" + text(due)
                + "\n\n本通知不含反映人的任何信息和反映内容，请登录工作台处理。"
                // the office's 意见建议办理 page of this feedback, as the 待办 list links it
                + "\n办理：" + config.consoleUrl() + "/feedback/" + facts.feedbackId() + FOOTER;
        return new Text(tag + inspectionMark(facts.inspection()) + title + "（" + when + "）", body);
    }

    /**
     * ［省委第七巡视组专项巡视沈阳高新区］, after a subject's tag: which inspection the notice concerns, so that
     * someone with tasks of several inspections running at once knows from the inbox. The title as the read
     * models hold it (fact {@code inspection}), cut to {@value #INSPECTION_IN_SUBJECT} characters with … to keep
     * subjects short; nothing when the notice's inspection was not known when its cause was recorded.
     */
    static String inspectionMark(String inspection) {
        if (inspection == null || inspection.isBlank()) {
            return "";
        }
        String name = inspection.strip();
        String shown = name.codePointCount(0, name.length()) > INSPECTION_IN_SUBJECT
                ? name.substring(0, name.offsetByCodePoints(0, INSPECTION_IN_SUBJECT - 1)) + "…" : name;
        return INSPECTION_OPEN + shown + INSPECTION_CLOSE;
    }

    static final int INSPECTION_IN_SUBJECT = 16;
    static final String INSPECTION_OPEN = "［";
    static final String INSPECTION_CLOSE = "］";

    private static String line(String label, String value) {
        return value == null || value.isBlank() ? "" : "\n" + label + "：" + value;
    }

    /** 2026年12月5日, as the console and the report write a day. */
    private static String text(LocalDate day) {
        return day == null ? null : ChineseDates.day(day);
    }
}
