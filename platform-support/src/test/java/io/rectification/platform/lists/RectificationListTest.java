package io.rectification.platform.lists;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Two inspections' lists of one day are told apart by every name they carry; no services. */
@Tag("fast")
class RectificationListTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    @Test
    void theAsciiNameCarriesTheInspectionSoTwoInspectionsListsOfADayAreNotSavedOverEachOther() {
        UUID seventh = UUID.fromString("1f0c9a2b-4c82-41b1-b81e-fbeedae95053");
        UUID third = UUID.fromString("9a8b7c6d-0000-4000-8000-000000000002");
        var one = RectificationList.TASKS.downloadName("省委第七巡视组", seventh, DAY, "csv");
        var other = RectificationList.TASKS.downloadName("省委第三巡视组", third, DAY, "csv");
        assertEquals("整改任务清单-省委第七巡视组-2026-12-06.csv", one.name());
        assertEquals("task-list-1f0c9a2b-2026-12-06.csv", one.ascii());
        assertNotEquals(one.ascii(), other.ascii());
    }

    @Test
    void aSheetOpensWithTheInspectionTheListAndTheDay() {
        assertEquals("省委第七巡视组专项巡视沈阳高新区 整改责任清单（截至2026年12月6日）",
                RectificationList.RESPONSIBILITIES.sheetTitle(" 省委第七巡视组专项巡视沈阳高新区 ", DAY));
        assertEquals("整改问题清单（截至2026年12月6日）", RectificationList.PROBLEMS.sheetTitle(null, DAY));
    }
}
