package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notices' own wording uses full-width punctuation as the report's does; what users wrote is kept as written. */
class NoticeTextsTest {

    /** ASCII punctuation beside a Chinese character, on either side (as ReportPunctuationTest). */
    static final Pattern ASCII_BESIDE_CHINESE = Pattern.compile("[\\p{IsHan}“”。】][,:;()!?]|[,:;()!?][\\p{IsHan}“”【]");

    final NoticeTexts texts = new NoticeTexts((NoticeConfig) Proxy.newProxyInstance(NoticeConfig.class.getClassLoader(),
            new Class<?>[] {NoticeConfig.class}, (proxy, method, args) ->
                    "consoleUrl".equals(method.getName()) ? "http://127.0.0.1:8180/console" : null));

    static ObjectNode taskFacts(String title, String reason) {
        return JsonNodeFactory.instance.objectNode().put("id", "3f1c2a4e-0000-4000-8000-000000000001").put("number", "3")
                .put("title", title).put("responsibleUnit", "党政办公室").put("deadline", "2025-03-31")
                .put("claimedBy", "王科长").put("reason", reason).put("dueDate", "2025-03-31").put("what", "TASK");
    }

    static ObjectNode feedbackFacts() {
        return JsonNodeFactory.instance.objectNode().put("feedbackId", "9a8b7c6d-0000-4000-8000-000000000002")
                .put("category", "COMPLAINT").put("replyDueDate", "2025-03-16").put("daysOverdue", 3);
    }

    @Test
    void everyNoticeIsWordedWithFullWidthPunctuation() {
        for (NoticeKind kind : NoticeKind.values()) {
            ObjectNode facts = kind.name().startsWith("FEEDBACK") ? feedbackFacts() : taskFacts("清理违规占用办公用房", "佐证材料不足");
            NoticeTexts.Text text = texts.render(kind, facts);
            String all = text.subject() + "\n" + text.body();
            Matcher ascii = ASCII_BESIDE_CHINESE.matcher(all);
            assertFalse(ascii.find(), () -> kind + ": ASCII punctuation at '" + all.substring(Math.max(0, ascii.start() - 10),
                    Math.min(all.length(), ascii.end() + 10)) + "' in:\n" + all);
        }
        NoticeTexts.Text overdue = texts.render(NoticeKind.TASK_OVERDUE, taskFacts("清理违规占用办公用房", "x"));
        assertEquals("【任务逾期】任务3：清理违规占用办公用房", overdue.subject());
        assertTrue(overdue.body().startsWith("以下整改任务已超过完成时限（2025-03-31），请尽快推进并报送进展。\n"
                + "\n任务：清理违规占用办公用房\n责任单位：党政办公室\n完成时限：2025-03-31"
                + "\n查看任务：http://127.0.0.1:8180/console/tasks/3f1c2a4e-0000-4000-8000-000000000001"), overdue.body());
        assertTrue(overdue.body().endsWith("自动发送，请勿回复。不需要此类通知的，可在工作台“通知设置”中关闭。"), overdue.body());
        assertTrue(texts.render(NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts()).body()
                .startsWith("一件群众反映的答复期限为2025-03-16，已逾期3天，请尽快答复。\n\n反映编号：9a8b7c6d"));
    }

    @Test
    void aReplyNoticeLinksToTheFeedbackInTheConsole() {
        for (NoticeKind kind : new NoticeKind[] {NoticeKind.FEEDBACK_REPLY_DUE_SOON, NoticeKind.FEEDBACK_REPLY_OVERDUE}) {
            String body = texts.render(kind, feedbackFacts()).body();
            assertTrue(body.contains("\n办理：http://127.0.0.1:8180/console/feedback/9a8b7c6d-0000-4000-8000-000000000002\n"),
                    kind + ": " + body);
        }
    }

    @Test
    void aFeedbackNotYetTriagedIsNamedUncategorisedOnce() {
        assertEquals("【群众反映答复临近期限】未分类 9a8b7c6d",
                texts.render(NoticeKind.FEEDBACK_REPLY_DUE_SOON, feedbackFacts().putNull("category")).subject());
        assertEquals("【群众反映答复逾期】投诉类 9a8b7c6d", texts.render(NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts()).subject());
    }

    @Test
    void whatUsersWroteIsNotRewritten() {
        NoticeTexts.Text rejected = texts.render(NoticeKind.COMPLETION_REJECTED,
                taskFacts("清理办公用房,腾退面积(平方米)", "佐证材料不足:缺少验收单"));
        assertTrue(rejected.subject().endsWith("任务3：清理办公用房,腾退面积(平方米)"), rejected.subject());
        assertTrue(rejected.body().contains("\n退回理由：佐证材料不足:缺少验收单\n"), rejected.body());
    }
}
