package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectification.reporting.notice.NoticeTexts.Text;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.rectification.reporting.notice.NoticeTextsTest.feedbackFacts;
import static io.rectification.reporting.notice.NoticeTextsTest.render;
import static io.rectification.reporting.notice.NoticeTextsTest.taskFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One mail for a burst of notices of one kind to one person: the tag and how many in the subject (the
 * inspection when they are all of one), each notice a numbered block in the order written with its
 * lines and link, the first line they share once above them, the footer once.
 */
@Tag("fast")
class CombinedNoticeTextTest {

    static final String SEVENTH = "省委第七巡视组专项巡视沈阳高新区";

    final NoticeTexts texts = NoticeTextsTest.texts("2025-04-05T02:00:00Z");

    private Text claim(int i, String inspection) {
        ObjectNode facts = taskFacts("清理办公用房" + i, null).put("id", "3f1c2a4e-0000-4000-8000-00000000000" + i)
                .put("label", "（一）2." + i);
        return render(texts, NoticeKind.CLAIM_TO_VERIFY, inspection == null ? facts : facts.put("inspection", inspection));
    }

    @Test
    void claimsOfOneInspectionAreOneMailListingEachInTheOrderWritten() {
        List<Text> claims = IntStream.rangeClosed(1, 3).mapToObj(i -> claim(i, SEVENTH)).toList();
        Text combined = CombinedNoticeText.of(NoticeKind.CLAIM_TO_VERIFY, claims);

        assertEquals("【销号待核验】［省委第七巡视组专项巡视沈阳高新区］3项任务待核验", combined.subject());
        assertEquals("""
                本邮件合并了3条【销号待核验】通知，按产生的先后排列。
                以下整改任务已申请销号，请核实。

                1. 任务：（一）2.1 清理办公用房1
                   所属巡视：省委第七巡视组专项巡视沈阳高新区
                   责任单位：党政办公室
                   完成时限：2025年3月31日
                   申请人：李科长（党政办公室）
                   查看任务：http://127.0.0.1:8180/console/tasks/3f1c2a4e-0000-4000-8000-000000000001

                2. 任务：（一）2.2 清理办公用房2
                   所属巡视：省委第七巡视组专项巡视沈阳高新区
                   责任单位：党政办公室
                   完成时限：2025年3月31日
                   申请人：李科长（党政办公室）
                   查看任务：http://127.0.0.1:8180/console/tasks/3f1c2a4e-0000-4000-8000-000000000002

                3. 任务：（一）2.3 清理办公用房3
                   所属巡视：省委第七巡视组专项巡视沈阳高新区
                   责任单位：党政办公室
                   完成时限：2025年3月31日
                   申请人：李科长（党政办公室）
                   查看任务：http://127.0.0.1:8180/console/tasks/3f1c2a4e-0000-4000-8000-000000000003

                """ + NoticeTexts.FOOTER.strip(), combined.body());
    }

    @Test
    void noticesOfSeveralInspectionsNameNoneInTheSubject() {
        Text combined = CombinedNoticeText.of(NoticeKind.CLAIM_TO_VERIFY,
                List.of(claim(1, SEVENTH), claim(2, "市委第九巡视组对高新区党工委常规巡视"), claim(3, null)));
        assertEquals("【销号待核验】3项任务待核验", combined.subject());
        assertTrue(combined.body().contains("\n3. 任务：（一）2.3 清理办公用房3\n   责任单位："), combined.body());
    }

    /** Leads that differ (each overdue by its own days, a reply deadline by its date) stay in their blocks. */
    @Test
    void noticesWhoseFirstLinesDifferKeepThemInTheirBlocks() {
        Text late = render(texts, NoticeKind.TASK_OVERDUE, taskFacts("甲", null));
        Text later = render(texts, NoticeKind.TASK_OVERDUE, taskFacts("乙", null).put("dueDate", "2025-03-01"));
        Text combined = CombinedNoticeText.of(NoticeKind.TASK_OVERDUE, List.of(late, later));
        assertEquals("【任务逾期】2项任务逾期", combined.subject());
        assertTrue(combined.body().startsWith("本邮件合并了2条【任务逾期】通知，按产生的先后排列。\n\n"
                + "1. 以下整改任务已超过完成时限（2025年3月31日），已逾期5天，请尽快推进并报送进展。\n   任务：（一）2.三是 甲\n"),
                combined.body());
        assertTrue(combined.body().contains("\n\n2. 以下整改任务已超过完成时限（2025年3月1日），已逾期35天，"), combined.body());

        Text feedback = CombinedNoticeText.of(NoticeKind.FEEDBACK_REPLY_OVERDUE, List.of(
                render(texts, NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts()),
                render(texts, NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts().put("replyDueDate", "2025-04-01"))));
        assertEquals("【群众反映答复逾期】2件群众反映答复逾期", feedback.subject());
        assertTrue(feedback.body().contains("\n   办理：http://127.0.0.1:8180/console/feedback/9a8b7c6d-0000-4000-8000-000000000002\n"),
                feedback.body());
        // each named as the 待办 list names it, not by its UUID
        assertTrue(feedback.body().contains("\n   反映：" + NoticeTextsTest.FEEDBACK_TITLE + "\n"), feedback.body());
    }

    /** 已销号 and 转入巩固 are one kind: a burst of both is told by the kind's name. */
    @Test
    void closeOutsAndConsolidationsTogetherAreNamedByTheKind() {
        Text closed = render(texts, NoticeKind.TASK_CLOSED_OUT, taskFacts("甲", null).put("what", "VERIFIED"));
        Text consolidating = render(texts, NoticeKind.TASK_CLOSED_OUT, taskFacts("乙", null).put("what", "CONSOLIDATING"));
        assertEquals("【任务销号】2项任务经核实销号或转入巩固",
                CombinedNoticeText.subject(NoticeKind.TASK_CLOSED_OUT, List.of(closed, consolidating)));
        assertEquals("【转入巩固】2项任务转入巩固提升",
                CombinedNoticeText.subject(NoticeKind.TASK_CLOSED_OUT, List.of(consolidating, consolidating)));
    }

    /** Every kind's notices have words for their count (none falls back to 条通知) and the footer once. */
    @Test
    void everyKindIsCountedInItsOwnWords() {
        for (NoticeKind kind : NoticeKind.values()) {
            ObjectNode facts = kind.name().startsWith("FEEDBACK") ? feedbackFacts() : taskFacts("甲", "理由");
            Text one = render(texts, kind, facts);
            Text combined = CombinedNoticeText.of(kind, List.of(one, one));
            assertTrue(combined.subject().matches("【[^】]+】2[项件][^条]+"), combined.subject());
            assertEquals(1, combined.body().split("请勿回复", -1).length - 1, "the footer once: " + combined.body());
            assertTrue(combined.body().endsWith(NoticeTexts.FOOTER.strip()), combined.body());
        }
    }
}
