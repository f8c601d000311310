package io.rectification.platform.lists;

import io.rectification.platform.table.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lists' cells from either service's lines; no services. */
@Tag("fast")
class ListColumnsTest {

    static TaskLine task(int number, String lead, String unit, String state) {
        return new TaskLine(1, "贯彻落实党中央决策部署不到位", 2, "学习贯彻不够深入", number, "任务" + number, null, "TIME_BOUND",
                "2025-03-31", state, 40, null, lead, "李处长", unit);
    }

    @Test
    void codesAreShownInTheNoticesWordsAndWhatIsUnknownIsAnEmptyCell() {
        Table table = ListColumns.TASKS.table(List.of(task(1, "张副主任", "经济发展局", "CONSOLIDATING")));
        assertEquals("任务清单", table.title());
        assertEquals(List.of("（一）贯彻落实党中央决策部署不到位", 2, "学习贯彻不够深入", "一是", "任务1", "", "限期整改", "2025-03-31",
                "已销号（巩固中）", 40, ""), table.rows().get(0));
        Table problems = ListColumns.PROBLEMS.table(List.of(
                new ProblemLine(null, null, 3, "问题", null, "SELF_FOUND", 2, 1, null)));
        assertEquals(List.of("", "", 3, "问题", "", "自查发现", 2L, 1L, ""), problems.rows().get(0));
    }

    @Test
    void responsibilitiesAreGroupedByLeadOfficialThenUnitKeepingThePlansOrderWithin() {
        Table table = ListColumns.RESPONSIBILITIES.table(List.of(task(1, "王副主任", "财政金融局", "PLANNED"),
                task(2, "张书记", "组织人事部", "VERIFIED"), task(3, "王副主任", "党政办公室", "PLANNED"),
                task(4, "王副主任", "财政金融局", "IN_PROGRESS")));
        assertEquals(List.of("二是", "三是", "一是", "四是"), table.rows().stream().map(row -> row.get(2)).toList());
        assertEquals("已销号", table.rows().get(0).get(8));
    }
}
