package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.reporting.todo.FeedbackCategories;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The words of each notice, in Chinese with full-width punctuation (，：（）) as the report's own
 * wording (report.ReportText), from the cause's facts only; what users wrote (a title, a reason) is
 * kept as they wrote it. A feedback notice names the
 * feedback by its id, category and dates: who wrote it and what they wrote stay in
 * feedback-service (the facts never held them).
 */
@ApplicationScoped
public class NoticeTexts {

    /** A notice's subject and plain-text body. */
    public record Text(String subject, String body) {
    }

    static final String FOOTER = "\n\n—— 巡视整改工作台自动发送，请勿回复。不需要此类通知的，可在工作台“通知设置”中关闭。";

    private final NoticeConfig config;

    public NoticeTexts(NoticeConfig config) {
        this.config = config;
    }

    public Text render(NoticeKind kind, JsonNode facts) {
        return switch (kind) {
            case CLAIM_TO_VERIFY -> task(facts, "【销号待核实】",
                    "以下整改任务已申请销号，请核实。" + line("申请人", facts, "claimedBy"));
            case COMPLETION_REJECTED -> task(facts, "【销号申请被退回】",
                    "以下整改任务的销号申请被退回，请按退回理由继续整改。" + line("退回理由", facts, "reason"));
            case TASK_OVERDUE -> task(facts, "【任务逾期】",
                    ("MILESTONE".equals(text(facts, "what")) ? "以下整改任务的阶段目标已超过完成时限（"
                            : "以下整改任务已超过完成时限（") + text(facts, "dueDate") + "），请尽快推进并报送进展。");
            case FEEDBACK_REPLY_DUE_SOON -> feedback(facts, "【群众反映答复临近期限】",
                    "一件群众反映的答复期限为" + text(facts, "replyDueDate") + "，请按时答复。");
            case FEEDBACK_REPLY_OVERDUE -> feedback(facts, "【群众反映答复逾期】",
                    "一件群众反映的答复期限为" + text(facts, "replyDueDate") + "，已逾期"
                            + facts.path("daysOverdue").asInt(0) + "天，请尽快答复。");
        };
    }

    private Text task(JsonNode facts, String tag, String lead) {
        String title = text(facts, "title");
        String number = facts.hasNonNull("number") ? "任务" + facts.get("number").asText() + "：" : "";
        String body = lead + "\n"
                + line("任务", facts, "title")
                + line("责任单位", facts, "responsibleUnit")
                + line("完成时限", facts, "deadline")
                + "\n查看任务：" + config.consoleUrl() + "/tasks/" + text(facts, "id") + FOOTER;
        return new Text(tag + number + title, body);
    }

    private Text feedback(JsonNode facts, String tag, String lead) {
        String id = text(facts, "feedbackId");
        String body = lead + "\n"
                + "\n反映编号：" + id
                + "\n类别：" + FeedbackCategories.label(text(facts, "category"))
                + "\n答复期限：" + text(facts, "replyDueDate")
                + "\n\n本通知不含反映人的任何信息和反映内容，请登录工作台处理。"
                // the office's 意见建议办理 page of this feedback, as the 待办 list links it
                + "\n办理：" + config.consoleUrl() + "/feedback/" + id + FOOTER;
        // 投诉类, 建议类; a feedback not yet triaged is 未分类, not 未分类类
        String category = FeedbackCategories.label(text(facts, "category"));
        return new Text(tag + (category.endsWith("类") ? category : category + "类") + " " + id.substring(0, Math.min(8, id.length())),
                body);
    }

    private static String line(String label, JsonNode facts, String name) {
        String value = text(facts, name);
        return value == null || value.isBlank() ? "" : "\n" + label + "：" + value;
    }

    private static String text(JsonNode facts, String name) {
        JsonNode value = facts.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
