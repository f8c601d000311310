package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.task.ReportingCadence;
import io.rectification.tasks.task.TaskKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class PlanTemplateTest {

    private static String cell(List<String> row, String column) {
        return row.get(PlanColumns.ALL.indexOf(column));
    }

    /** The example's dates were 2024/2025: the template of a 2026 inspection failed its own 预检 three times. */
    @Test
    void theExampleIsDueInMonthEndsAfterTheDayItIsMadeFor() {
        List<String> row = PlanTemplate.exampleRow(LocalDate.parse("2026-11-30"));
        assertEquals(PlanColumns.ALL.size(), row.size());
        assertEquals("2027-11-30", cell(row, PlanColumns.DEADLINE));
        assertEquals("建立欠款台账@2027-02-28;完成兑付@2027-05-31", cell(row, PlanColumns.MILESTONES));
        // a 31st into months of 30 and 28 days, and a leap year's February
        List<String> leap = PlanTemplate.exampleRow(LocalDate.parse("2027-11-01"));
        assertEquals("建立欠款台账@2028-02-29;完成兑付@2028-05-31", cell(leap, PlanColumns.MILESTONES));
        assertEquals("2028-11-30", cell(leap, PlanColumns.DEADLINE));
    }

    @Test
    void itFollowsTodayOrTheOnSiteStartWhicheverIsLater() {
        LocalDate today = LocalDate.parse("2026-12-05");
        assertEquals(today, PlanTemplate.startingFrom(today, LocalDate.parse("2024-04-07")));
        assertEquals(LocalDate.parse("2027-03-01"), PlanTemplate.startingFrom(today, LocalDate.parse("2027-03-01")));
        assertEquals(today, PlanTemplate.startingFrom(today, null));
    }

    @Test
    void kindAndCadenceAreInTheConsolesWordsAndReadBack() {
        List<String> row = PlanTemplate.exampleRow(LocalDate.parse("2026-12-05"));
        assertEquals("长期坚持", cell(row, PlanColumns.KIND));
        assertEquals("月报", cell(row, PlanColumns.CADENCE));
        List<FieldError> errors = new ArrayList<>();
        assertEquals(TaskKind.LONG_TERM, PlanChoices.KIND.read(cell(row, PlanColumns.KIND), "kind", errors));
        assertEquals(ReportingCadence.MONTHLY, PlanChoices.CADENCE.read(cell(row, PlanColumns.CADENCE), "cadence", errors));
        assertEquals(List.of(), errors);
    }
}
