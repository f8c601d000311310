package io.rectification.reporting.notice;

import io.rectification.reporting.todo.TodoKind;
import io.rectification.reporting.todo.TodoViews.TodoItem;
import io.rectification.reporting.todo.TodoViews.TodoList;
import io.rectification.reporting.todo.TodoViews.TodoReason;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                item(TodoKind.FEEDBACK_REPLY_DUE, null, FEEDBACK, "群众反映（投诉） · 来信 · 2026年11月20日收到", null, 2, "/console/feedback/" + FEEDBACK));

        String body = text.body("李科长（党政办公室）", DAY, list, Map.of());

        assertTrue(body.startsWith("李科长（党政办公室）：\n截至12月2日，您有以下待办：\n"), body);
        assertTrue(body.contains("  · 任务（三）2.一是：整治违反中央八项规定精神问题（党政办公室） 2026年9月30日 已逾期63天\n"
                + "    http://127.0.0.1:8700/console/tasks/" + TASK + "\n"), body);
        assertTrue(body.contains("缺项的限期补齐（党政办公室） 2026年11月27日 已逾期5天\n"
                + "    http://127.0.0.1:8700/console/meetings/" + MEETING + "\n"), body);
        // a feedback named as 待办 names it, not by its UUID (反映编号 9a8b7c6d-…), which only the address needs
        assertTrue(body.contains("群众反映（投诉） · 来信 · 2026年11月20日收到 2026年12月4日 还有2天\n"
                + "    http://127.0.0.1:8700/console/feedback/" + FEEDBACK + "\n"), body);
        assertFalse(body.contains("反映编号"), body);
        assertTrue(body.contains("\n工作台待办：http://127.0.0.1:8700/console/todos"), body);
        assertEquals("【每日待办】2026年12月2日 共3项", DigestText.subject(DAY, list));
    }

    @Test
    void aMeetingDecisionAboutATaskNamesTheTask() {
        TodoItem decision = task(reason(TodoKind.MEETING_DECISION_DUE, 3, "补齐佐证材料", null), TASK, "（三）2.一是", null,
                "整治违反中央八项规定精神问题", "党政办公室");
        String body = text.body("李科长（党政办公室）", DAY, list(decision), Map.of());
        assertTrue(body.contains("  · 补齐佐证材料（任务（三）2.一是；党政办公室） 2026年12月5日 还有3天\n"), body);
    }

    /**
     * tasks-service numbers a 群众反映 problem in its area's one sequence: （三）5. is no finding of the
     * inspection's notice, so its task says its source before the numbering, as the console's lists do.
     */
    @Test
    void aTaskOfAProblemThatIsNoFindingSaysItsSourceBeforeItsNumbering() {
        TodoItem overdue = task(reason(TodoKind.TASK_OVERDUE, -2, null, null), TASK, "（三）5.一是", "FEEDBACK", "整治园区道路积水",
                "建设管理局");
        TodoItem decision = task(reason(TodoKind.MEETING_DECISION_DUE, 3, "雨季前完成排水改造", null), UUID.randomUUID(),
                "（三）6.一是", "FEEDBACK", "整治园区排水", "建设管理局");
        TodoItem lookBack = task(reason(TodoKind.LOOK_BACK_DUE, 0, null, null), UUID.randomUUID(), "（一）4.二是", "LOOK_BACK",
                "规范公务用车管理", "党政办公室");
        String body = text.body("李科长（党政办公室）", DAY, list(overdue, decision, lookBack), Map.of());
        assertTrue(body.contains("  · 群众反映任务（三）5.一是：整治园区道路积水（建设管理局） 2026年11月30日 已逾期2天\n"), body);
        assertTrue(body.contains("  · 雨季前完成排水改造（群众反映任务（三）6.一是；建设管理局） 2026年12月5日 还有3天\n"), body);
        assertTrue(body.contains("  · 回头看任务（一）4.二是：规范公务用车管理（党政办公室） 2026年12月2日 今日到期\n"), body);
    }

    /** A report due today is the unit's to do today (今日应报送), apart from one whose due day has passed (未按期报送). */
    @Test
    void aReportDueTodayIsListedApartFromAMissingOne() {
        TodoItem missing = task(reason(TodoKind.PROGRESS_REPORT_MISSING, -1, null, null), TASK, "（三）2.一是", null,
                "整治违反中央八项规定精神问题", "党政办公室");
        TodoItem due = task(reason(TodoKind.PROGRESS_REPORT_DUE, 0, null, null), UUID.randomUUID(), "（三）2.二是", null,
                "规范公务接待", "党政办公室");
        String body = text.body("李科长（党政办公室）", DAY, list(due, missing), Map.of());
        assertTrue(body.contains("\n进展情况未按期报送（1项）\n  · 任务（三）2.一是：整治违反中央八项规定精神问题（党政办公室） 2026年12月1日 已逾期1天\n"),
                body);
        assertTrue(body.contains("\n进展情况今日应报送（1项）\n  · 任务（三）2.二是：规范公务接待（党政办公室） 2026年12月2日 今日到期\n"), body);
        assertTrue(body.indexOf("进展情况未按期报送") < body.indexOf("进展情况今日应报送"), "the missing one first");
    }

    @Test
    void aReopenedTaskSaysTheReviewersReasonAndAProblemWithoutMeasuresHasNoDate() {
        UUID problem = UUID.randomUUID();
        UUID inspection = UUID.randomUUID();
        TodoItem reopened = task(reason(TodoKind.TASK_REOPENED, 0, "回头看抽查发现3辆车未入库管理", null), TASK, "（一）1.二是", null,
                "规范公务用车管理", "党政办公室");
        TodoReason noDate = new TodoReason(TodoKind.PROBLEM_WITHOUT_MEASURES, TodoKind.PROBLEM_WITHOUT_MEASURES.label(), null, 0,
                null, null);
        TodoItem measures = new TodoItem(noDate.kind(), noDate.label(), inspection, null, null, null, null, null, problem,
                "园区道路积水治理不及时", null, null, 0, "/console/inspections/" + inspection + "/plan", List.of(noDate));
        String body = text.body("李科长（党政办公室）", DAY, list(reopened, measures), Map.of());
        assertTrue(body.contains("“回头看”后再整改（1项）\n  · 任务（一）1.二是：规范公务用车管理（党政办公室） 2026年12月2日 今日到期"
                + "\n    理由：回头看抽查发现3辆车未入库管理\n    http://127.0.0.1:8700/console/tasks/" + TASK + "\n"), body);
        assertTrue(body.contains("制定整改措施（1项）\n  · 园区道路积水治理不及时\n    http://127.0.0.1:8700/console/inspections/"
                + inspection + "/plan\n"), body);
    }

    /** A stage goal's to-do names the goal, then its task (as a meeting decision's); a rejected claim says the supervisor's reason. */
    @Test
    void aStageGoalIsNamedWithItsTaskAndARejectedClaimSaysWhy() {
        TodoItem goal = task(reason(TodoKind.STAGE_GOAL_OVERDUE, -2, null, "完成首批清退"), TASK, "（二）3.一是", "PLAN",
                "清理违规占用办公用房", "机关事务局");
        TodoItem rejected = task(reason(TodoKind.CLAIM_REJECTED, 29, "佐证材料不全", null), UUID.randomUUID(), "（二）3.二是", "PLAN",
                "建立长效机制", "机关事务局");
        String body = text.body("李科长（机关事务局）", DAY, list(goal, rejected), Map.of());
        assertTrue(body.contains("阶段目标已逾期（1项）\n  · 阶段目标“完成首批清退”（任务（二）3.一是：清理违规占用办公用房；机关事务局）"
                + " 2026年11月30日 已逾期2天\n"), body);
        assertTrue(body.contains("销号申请被驳回（1项）\n  · 任务（二）3.二是：建立长效机制（机关事务局） 2026年12月31日 还有29天"
                + "\n    理由：佐证材料不全\n"), body);
    }

    /**
     * One entry a task (GET /todos): the digest lists the task once, under its most urgent reason, and names the
     * others below it in their own words: the goal's title, the decision's text, the supervisor's reason. A date is
     * said again only where it is not the line's.
     */
    @Test
    void aTaskWithSeveralReasonsIsListedOnceNamingThemAll() {
        TodoItem several = task(reason(TodoKind.STAGE_GOAL_OVERDUE, -9, null, "完成首批清退"), TASK, "（二）3.一是", "PLAN",
                "清理违规占用办公用房", "机关事务局").withReasons(List.of(
                reason(TodoKind.STAGE_GOAL_OVERDUE, -9, null, "完成首批清退"),
                reason(TodoKind.TASK_OVERDUE, -2, null, null),
                reason(TodoKind.CLAIM_REJECTED, -2, "佐证材料不全", null),
                reason(TodoKind.MEETING_DECISION_DUE, 3, "补齐整改前后对比照片", null)));
        TodoItem sameDay = task(reason(TodoKind.TASK_OVERDUE, -1, null, null), UUID.randomUUID(), "（二）4.一是", "PLAN",
                "规范公务接待", "机关事务局").withReasons(List.of(
                reason(TodoKind.TASK_OVERDUE, -1, null, null), reason(TodoKind.CLAIM_REJECTED, -1, "台账不全", null)));

        String body = text.body("李科长（机关事务局）", DAY, list(several, sameDay), Map.of());

        assertTrue(body.contains("阶段目标已逾期（1项）\n  · 阶段目标“完成首批清退”（任务（二）3.一是：清理违规占用办公用房；机关事务局）"
                + " 2026年11月23日 已逾期9天\n"
                + "    另：任务已逾期 2026年11月30日 已逾期2天\n"
                + "    另：销号申请被驳回 2026年11月30日 已逾期2天，理由：佐证材料不全\n"
                + "    另：会议议定事项临近时限：补齐整改前后对比照片 2026年12月5日 还有3天\n"
                + "    http://127.0.0.1:8700/console/tasks/" + TASK + "\n"), body);
        assertTrue(body.contains("任务已逾期（1项）\n  · 任务（二）4.一是：规范公务接待（机关事务局） 2026年12月1日 已逾期1天\n"
                + "    另：销号申请被驳回，理由：台账不全\n"), body);
        // listed once: no section of its other reasons' kinds
        assertFalse(body.contains("销号申请被驳回（"), body);
        assertFalse(body.contains("会议议定事项临近时限（"), body);
        assertEquals("【每日待办】2026年12月2日 共2项", DigestText.subject(DAY, list(several, sameDay)));
    }

    /**
     * Two inspections rectified at once: （三）2.一是 is a task of each, so a line says whose it is with the mark the
     * notices' subjects carry (cut as theirs); the lines stay under their kind, in urgency's order.
     */
    @Test
    void toDosOfSeveralInspectionsSayWhichEachLineIsOf() {
        UUID seventh = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        TodoItem overdue = of(task(reason(TodoKind.TASK_OVERDUE, -3, null, null), TASK, "（三）2.一是", "PLAN",
                "整治违反中央八项规定精神问题", "党政办公室"), seventh);
        TodoItem alsoOverdue = of(task(reason(TodoKind.TASK_OVERDUE, -1, null, null), UUID.randomUUID(), "（三）2.一是", "PLAN",
                "规范公务接待", "党政办公室"), third);
        Map<UUID, String> titles = Map.of(seventh, "省委第七巡视组专项巡视沈阳高新区", third, "省委第三巡视组常规巡视沈阳市大东区人民政府");

        String body = text.body("李科长（党政办公室）", DAY, list(overdue, alsoOverdue), titles);

        assertTrue(body.contains("任务已逾期（2项）\n"
                + "  · ［省委第七巡视组专项巡视沈阳高新区］任务（三）2.一是：整治违反中央八项规定精神问题（党政办公室） 2026年11月29日 已逾期3天\n"
                + "    http://127.0.0.1:8700/console/tasks/" + TASK + "\n"
                + "  · ［省委第三巡视组常规巡视沈阳市大…］任务（三）2.一是：规范公务接待（党政办公室） 2026年12月1日 已逾期1天\n"), body);

        // one inspection's to-dos: the reader knows which, the lines stay as they were
        String one = text.body("李科长（党政办公室）", DAY, list(overdue, of(alsoOverdue, seventh)), titles);
        assertFalse(one.contains("［"), one);
        assertTrue(one.contains("  · 任务（三）2.一是：规范公务接待（党政办公室） 2026年12月1日 已逾期1天\n"), one);
    }

    @Test
    void theConsoleMayBeServedUnderAnotherPathOrWithATrailingSlash() {
        DigestText other = new DigestText("https://zhenggai.example.gov.cn/console/", "/console/");
        assertEquals("https://zhenggai.example.gov.cn/console/meetings/" + MEETING, other.address("/console/meetings/" + MEETING));
        assertEquals("https://zhenggai.example.gov.cn/console/tasks/" + TASK, other.address("/tasks/" + TASK));
    }

    private static TodoItem item(TodoKind kind, UUID taskId, UUID feedbackId, String title, String unit, long daysLeft,
                                 String link) {
        TodoReason reason = reason(kind, daysLeft, null, null);
        return new TodoItem(kind, kind.label(), UUID.randomUUID(), taskId, taskId == null ? null : 1,
                taskId == null ? null : "（三）2.一是", taskId == null ? null : "PLAN", feedbackId, null, title, unit,
                reason.dueDate(), daysLeft, link, List.of(reason));
    }

    /** A to-do of a task, of one reason. */
    private static TodoItem task(TodoReason reason, UUID taskId, String label, String source, String title, String unit) {
        return new TodoItem(reason.kind(), reason.label(), UUID.randomUUID(), taskId, 1, label, source, null, null, title, unit,
                reason.dueDate(), reason.daysLeft(), "/console/tasks/" + taskId, List.of(reason));
    }

    /** The same to-do, of that inspection. */
    private static TodoItem of(TodoItem item, UUID inspectionId) {
        return new TodoItem(item.kind(), item.label(), inspectionId, item.taskId(), item.taskNumber(), item.taskLabel(),
                item.taskSource(), item.feedbackId(), item.problemId(), item.title(), item.responsibleUnit(), item.dueDate(),
                item.daysLeft(), item.link(), item.reasons());
    }

    private static TodoReason reason(TodoKind kind, long daysLeft, String note, String stageGoal) {
        return new TodoReason(kind, kind.label(), DAY.plusDays(daysLeft), daysLeft, note, stageGoal);
    }

    private static TodoList list(TodoItem... items) {
        return new TodoList("dzb", DAY, 7, items.length, Map.of(), List.of(items));
    }
}
