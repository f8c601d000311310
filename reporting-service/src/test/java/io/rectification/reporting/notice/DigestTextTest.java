package io.rectification.reporting.notice;

import io.rectification.reporting.todo.TodoKind;
import io.rectification.reporting.todo.TodoViews.TodoItem;
import io.rectification.reporting.todo.TodoViews.TodoList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every line of the daily digest leads to the page its 待办 links to, not only the tasks'. */
@Tag("fast")
class DigestTextTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final UUID TASK = UUID.fromString("48b49da3-4c82-41b1-b81e-fbeedae95053");
    static final UUID MEETING = UUID.fromString("a88a931a-92cb-431c-b4cb-52a4d676f598");
    static final UUID FEEDBACK = UUID.fromString("9a8b7c6d-0000-4000-8000-000000000002");

    final DigestText text = new DigestText("http://127.0.0.1:8700/console", "/console");

    @Test
    void everyToDoOfTheDigestCarriesItsConsoleAddress() {
        TodoList list = list(
                item(TodoKind.TASK_OVERDUE, TASK, null, "整治违反中央八项规定精神问题", "党政办公室", -63, "/console/tasks/" + TASK),
                item(TodoKind.MEETING_DECISION_OVERDUE, null, null, "各责任单位对照任务分解表逐项核对佐证材料，缺项的限期补齐",
                        "党政办公室", -5, "/console/meetings/" + MEETING),
                item(TodoKind.FEEDBACK_REPLY_DUE, null, FEEDBACK, "群众反映（投诉）", null, 2, "/console/feedback/" + FEEDBACK));

        String body = text.body("李科长（党政办公室）", DAY, list);

        assertTrue(body.startsWith("李科长（党政办公室）：\n截至12月2日，您有以下待办：\n"), body);
        assertTrue(body.contains("  · 任务（三）2.一是：整治违反中央八项规定精神问题（党政办公室） 2026年9月30日 已逾期63天\n"
                + "    http://127.0.0.1:8700/console/tasks/" + TASK + "\n"), body);
        assertTrue(body.contains("缺项的限期补齐（党政办公室） 2026年11月27日 已逾期5天\n"
                + "    http://127.0.0.1:8700/console/meetings/" + MEETING + "\n"), body);
        assertTrue(body.contains("群众反映（投诉） 2026年12月4日 还有2天 反映编号 " + FEEDBACK + "\n"
                + "    http://127.0.0.1:8700/console/feedback/" + FEEDBACK + "\n"), body);
        assertTrue(body.contains("\n工作台待办：http://127.0.0.1:8700/console/todos"), body);
        assertEquals("【每日待办】2026年12月2日 共3项", DigestText.subject(DAY, list));
    }

    @Test
    void aMeetingDecisionAboutATaskNamesTheTask() {
        TodoItem decision = new TodoItem(TodoKind.MEETING_DECISION_DUE, TodoKind.MEETING_DECISION_DUE.label(), UUID.randomUUID(),
                TASK, 1, "（三）2.一是", null, null, null, "补齐佐证材料", "党政办公室", DAY.plusDays(3), 3, "/console/tasks/" + TASK, null, null);
        String body = text.body("李科长（党政办公室）", DAY, list(decision));
        assertTrue(body.contains("  · 补齐佐证材料（任务（三）2.一是；党政办公室） 2026年12月5日 还有3天\n"), body);
    }

    /**
     * tasks-service numbers a 群众反映 problem in its area's one sequence: （三）5. is no finding of the
     * inspection's notice, so its task says its source before the numbering, as the console's lists do.
     */
    @Test
    void aTaskOfAProblemThatIsNoFindingSaysItsSourceBeforeItsNumbering() {
        TodoItem overdue = new TodoItem(TodoKind.TASK_OVERDUE, TodoKind.TASK_OVERDUE.label(), UUID.randomUUID(), TASK, 1,
                "（三）5.一是", "FEEDBACK", null, null, "整治园区道路积水", "建设管理局", DAY.minusDays(2), -2,
                "/console/tasks/" + TASK, null, null);
        TodoItem decision = new TodoItem(TodoKind.MEETING_DECISION_DUE, TodoKind.MEETING_DECISION_DUE.label(),
                UUID.randomUUID(), TASK, 1, "（三）5.一是", "FEEDBACK", null, null, "雨季前完成排水改造", "建设管理局",
                DAY.plusDays(3), 3, "/console/tasks/" + TASK, null, null);
        TodoItem lookBack = new TodoItem(TodoKind.LOOK_BACK_DUE, TodoKind.LOOK_BACK_DUE.label(), UUID.randomUUID(),
                UUID.randomUUID(), 2, "（一）4.二是", "LOOK_BACK", null, null, "规范公务用车管理", "党政办公室", DAY, 0,
                "/console/tasks/x", null, null);
        String body = text.body("李科长（党政办公室）", DAY, list(overdue, decision, lookBack));
        assertTrue(body.contains("  · 群众反映任务（三）5.一是：整治园区道路积水（建设管理局） 2026年11月30日 已逾期2天\n"), body);
        assertTrue(body.contains("  · 雨季前完成排水改造（群众反映任务（三）5.一是；建设管理局） 2026年12月5日 还有3天\n"), body);
        assertTrue(body.contains("  · 回头看任务（一）4.二是：规范公务用车管理（党政办公室） 2026年12月2日 今日到期\n"), body);
    }

    @Test
    void aReopenedTaskSaysTheReviewersReasonAndAProblemWithoutMeasuresHasNoDate() {
        UUID problem = UUID.randomUUID();
        UUID inspection = UUID.randomUUID();
        TodoItem reopened = new TodoItem(TodoKind.TASK_REOPENED, TodoKind.TASK_REOPENED.label(), inspection, TASK, 2,
                "（一）1.二是", null, null, null, "规范公务用车管理", "党政办公室", DAY, 0, "/console/tasks/" + TASK,
                "回头看抽查发现3辆车未入库管理", null);
        TodoItem measures = new TodoItem(TodoKind.PROBLEM_WITHOUT_MEASURES, TodoKind.PROBLEM_WITHOUT_MEASURES.label(),
                inspection, null, null, null, null, null, problem, "园区道路积水治理不及时", null, null, 0,
                "/console/inspections/" + inspection + "/plan", null, null);
        String body = text.body("李科长（党政办公室）", DAY, list(reopened, measures));
        assertTrue(body.contains("“回头看”后再整改（1项）\n  · 任务（一）1.二是：规范公务用车管理（党政办公室） 2026年12月2日 今日到期"
                + "\n    理由：回头看抽查发现3辆车未入库管理\n    http://127.0.0.1:8700/console/tasks/" + TASK + "\n"), body);
        assertTrue(body.contains("制定整改措施（1项）\n  · 园区道路积水治理不及时\n    http://127.0.0.1:8700/console/inspections/"
                + inspection + "/plan\n"), body);
    }

    /** A stage goal's to-do names the goal, then its task (as a meeting decision's); a rejected claim says the supervisor's reason. */
    @Test
    void aStageGoalIsNamedWithItsTaskAndARejectedClaimSaysWhy() {
        TodoItem goal = new TodoItem(TodoKind.STAGE_GOAL_OVERDUE, TodoKind.STAGE_GOAL_OVERDUE.label(), UUID.randomUUID(), TASK, 1,
                "（二）3.一是", "PLAN", null, null, "清理违规占用办公用房", "机关事务局", DAY.minusDays(2), -2,
                "/console/tasks/" + TASK, null, "完成首批清退");
        TodoItem rejected = new TodoItem(TodoKind.CLAIM_REJECTED, TodoKind.CLAIM_REJECTED.label(), UUID.randomUUID(), TASK, 2,
                "（二）3.二是", "PLAN", null, null, "建立长效机制", "机关事务局", DAY.plusDays(29), 29,
                "/console/tasks/" + TASK, "佐证材料不全", null);
        String body = text.body("李科长（机关事务局）", DAY, list(goal, rejected));
        assertTrue(body.contains("阶段目标已逾期（1项）\n  · 阶段目标“完成首批清退”（任务（二）3.一是：清理违规占用办公用房；机关事务局）"
                + " 2026年11月30日 已逾期2天\n"), body);
        assertTrue(body.contains("销号申请被驳回（1项）\n  · 任务（二）3.二是：建立长效机制（机关事务局） 2026年12月31日 还有29天"
                + "\n    理由：佐证材料不全\n"), body);
    }

    @Test
    void theConsoleMayBeServedUnderAnotherPathOrWithATrailingSlash() {
        DigestText other = new DigestText("https://zhenggai.example.gov.cn/console/", "/console/");
        assertEquals("https://zhenggai.example.gov.cn/console/meetings/" + MEETING, other.address("/console/meetings/" + MEETING));
        assertEquals("https://zhenggai.example.gov.cn/console/tasks/" + TASK, other.address("/tasks/" + TASK));
    }

    private static TodoItem item(TodoKind kind, UUID taskId, UUID feedbackId, String title, String unit, long daysLeft,
                                 String link) {
        return new TodoItem(kind, kind.label(), UUID.randomUUID(), taskId, taskId == null ? null : 1,
                taskId == null ? null : "（三）2.一是", taskId == null ? null : "PLAN", feedbackId, null, title, unit, DAY.plusDays(daysLeft), daysLeft, link, null, null);
    }

    private static TodoList list(TodoItem... items) {
        return new TodoList("dzb", DAY, 7, items.length, Map.of(), List.of(items));
    }
}
