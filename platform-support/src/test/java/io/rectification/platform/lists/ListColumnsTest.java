package io.rectification.platform.lists;

import io.rectification.platform.table.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lists' cells from either service's lines; no services. */
@Tag("fast")
class ListColumnsTest {

    /** The day a list stands on: the tasks' deadline. */
    static final LocalDate DAY = LocalDate.of(2025, 3, 31);

    static TaskLine task(int number, String lead, String unit, String state) {
        return new TaskLine(1, "贯彻落实党中央决策部署不到位", 2, "学习贯彻不够深入", number, "任务" + number, null, "TIME_BOUND",
                LocalDate.of(2025, 3, 31), state, 40, null, lead, "李处长", unit);
    }

    @Test
    void codesAreShownInTheNoticesWordsAndWhatIsUnknownIsAnEmptyCell() {
        Table table = ListColumns.TASKS.table(List.of(task(1, "张副主任", "经济发展局", "CONSOLIDATING")), DAY);
        assertEquals("任务清单", table.title());
        assertEquals(List.of(1, "贯彻落实党中央决策部署不到位", 2, "学习贯彻不够深入", "一是", "任务1", "", "张副主任", "李处长",
                "经济发展局", "限期整改", LocalDate.of(2025, 3, 31), "否", "已销号（巩固中）", 40, ""), table.rows().get(0),
                "a deadline is a date, for a date cell");
        Table problems = ListColumns.PROBLEMS.table(List.of(
                new ProblemLine(null, null, 3, "问题", null, "SELF_FOUND", 2, 1, null)), DAY);
        assertEquals(List.of("", "", 3, "问题", "", "自查发现", 2L, 1L, ""), problems.rows().get(0));
    }

    @Test
    void responsibilitiesAreGroupedByLeadOfficialThenUnitKeepingThePlansOrderWithin() {
        Table table = ListColumns.RESPONSIBILITIES.table(List.of(task(1, "王副主任", "财政金融局", "PLANNED"),
                task(2, "张书记", "组织人事部", "VERIFIED"), task(3, "王副主任", "党政办公室", "PLANNED"),
                task(4, "王副主任", "财政金融局", "IN_PROGRESS")), DAY);
        assertEquals(List.of("二是", "三是", "一是", "四是"), table.rows().stream().map(row -> row.get(3)).toList());
        assertEquals("已销号", table.rows().get(0).get(10));
    }

    /**
     * Review finding 3: a list printed for a meeting said neither who is responsible nor what is late. 是否逾期
     * is the platform's one rule of overdue as of the day the list stands on: a task due that day is not yet
     * overdue, one claimed or closed out never is.
     */
    @Test
    void theTaskListsMarkWhatIsOverdueAsOfTheirDay() {
        int overdue = ListColumns.TASKS.header().indexOf("是否逾期");
        int stateColumn = ListColumns.TASKS.header().indexOf("状态");
        assertEquals(overdue + 1, stateColumn, "beside the deadline and the state");
        assertEquals("否", ListColumns.TASKS.table(List.of(task(1, "张副主任", "经济发展局", "IN_PROGRESS")), DAY)
                .rows().get(0).get(overdue), "due on the day itself");
        LocalDate after = DAY.plusDays(1);
        assertEquals(List.of("是", "是", "否", "否", "否", "是"), ListColumns.TASKS.table(List.of(
                task(1, "张副主任", "经济发展局", "IN_PROGRESS"), task(2, "张副主任", "经济发展局", "PLANNED"),
                task(3, "张副主任", "经济发展局", "COMPLETION_CLAIMED"), task(4, "张副主任", "经济发展局", "VERIFIED"),
                task(5, "张副主任", "经济发展局", "CONSOLIDATING"), task(6, "张副主任", "经济发展局", "REOPENED")), after)
                .rows().stream().map(row -> row.get(overdue)).toList());
        int inResponsibilities = ListColumns.RESPONSIBILITIES.header().indexOf("是否逾期");
        assertEquals("是", ListColumns.RESPONSIBILITIES.table(List.of(task(1, "张副主任", "经济发展局", "IN_PROGRESS")), after)
                .rows().get(0).get(inResponsibilities));
    }

    /**
     * A column the task breakdown table also has carries the import's name (tasks-service
     * plan/PlanColumns: 反馈意见方面, 具体问题, 整改任务, 整改措施, 牵头领导, 具体责任人, 责任单位, 完成时限,
     * 任务类型, 整改进展) and holds what the import reads there: the area's own title, its number
     * in a column of its own. The task list names who is responsible as the screen does (review
     * finding 3: a printed list could not say it). Under 方面 with the number before the title, a list posted back to the
     * import lacked 反馈意见方面 (M4 of the import review).
     */
    @Test
    void columnsTheBreakdownTableAlsoHasAreNamedAsTheImportNamesThem() {
        assertEquals(List.of("方面序号", "反馈意见方面", "问题序号", "具体问题", "任务序号", "整改任务", "整改措施", "牵头领导",
                "具体责任人", "责任单位", "任务类型", "完成时限", "是否逾期", "状态", "完成进度(%)", "整改进展"),
                ListColumns.TASKS.header());
        assertEquals(List.of("方面序号", "反馈意见方面", "问题序号", "任务序号", "整改任务", "牵头领导", "具体责任人", "责任单位",
                "完成时限", "是否逾期", "状态"), ListColumns.RESPONSIBILITIES.header());
        assertEquals(List.of("方面序号", "反馈意见方面", "问题序号", "具体问题", "问题描述", "来源", "整改任务数", "已销号任务数",
                "完成进度(%)"), ListColumns.PROBLEMS.header());
    }

    @Test
    void eachListHasTheNameAnOfficeFilesItUnder() {
        assertEquals(List.of("整改问题清单", "整改任务清单", "整改责任清单"),
                java.util.Arrays.stream(RectificationList.values()).map(RectificationList::fileTitle).toList());
        assertEquals(List.of("problem-list", "task-list", "responsibility-list"),
                java.util.Arrays.stream(RectificationList.values()).map(RectificationList::asciiTitle).toList());
    }
}
