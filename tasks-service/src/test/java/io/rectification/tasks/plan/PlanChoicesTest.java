package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.task.ReportingCadence;
import io.rectification.tasks.task.TaskKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class PlanChoicesTest {

    /** The console shows 限期整改 and 月报; a table written in those words was refused ("not one of IMMEDIATE, …"). */
    @Test
    void theWordsTheConsoleShowsAreReadAndSoAreTheCodes() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(TaskKind.IMMEDIATE, PlanChoices.KIND.read("立行立改", "row 2.任务类型", errors));
        assertEquals(TaskKind.TIME_BOUND, PlanChoices.KIND.read(" 限期整改 ", "row 2.任务类型", errors));
        assertEquals(TaskKind.LONG_TERM, PlanChoices.KIND.read("长期坚持", "row 2.任务类型", errors));
        assertEquals(TaskKind.LONG_TERM, PlanChoices.KIND.read("LONG_TERM", "row 2.任务类型", errors));
        assertEquals(TaskKind.TIME_BOUND, PlanChoices.KIND.read("time_bound", "row 2.任务类型", errors));
        assertEquals(ReportingCadence.DAILY, PlanChoices.CADENCE.read("日报", "row 2.调度频次", errors));
        assertEquals(ReportingCadence.WEEKLY, PlanChoices.CADENCE.read("周报", "row 2.调度频次", errors));
        assertEquals(ReportingCadence.MONTHLY, PlanChoices.CADENCE.read("月报", "row 2.调度频次", errors));
        // as the notice says it
        assertEquals(ReportingCadence.DAILY, PlanChoices.CADENCE.read("日报告", "row 2.调度频次", errors));
        assertEquals(ReportingCadence.WEEKLY, PlanChoices.CADENCE.read("周调度", "row 2.调度频次", errors));
        assertEquals(ReportingCadence.MONTHLY, PlanChoices.CADENCE.read("月推进", "row 2.调度频次", errors));
        assertEquals(ReportingCadence.MONTHLY, PlanChoices.CADENCE.read("MONTHLY", "row 2.调度频次", errors));
        assertNull(PlanChoices.CADENCE.read(null, "row 2.调度频次", errors));
        assertEquals(List.of(), errors);
    }

    /** The notice's own words (docs/domain.md): 即知即改 beside 立行立改, 长期 for 长期坚持; both were refused. */
    @Test
    void theNoticesWordsForAKindAreRead() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(TaskKind.IMMEDIATE, PlanChoices.KIND.read("即知即改", "row 2.任务类型", errors));
        assertEquals(TaskKind.LONG_TERM, PlanChoices.KIND.read("长期", "row 2.任务类型", errors));
        assertEquals(List.of(), errors);
        assertEquals("立行立改, 限期整改, 长期坚持", PlanChoices.KIND.shown(), "the template still offers one word a kind");
    }

    @Test
    void aWrongCellIsRefusedListingTheWordsFirst() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(PlanChoices.KIND.read("限期", "row 3.任务类型", errors));
        assertEquals("row 3.任务类型", errors.get(0).field());
        assertEquals("'限期' is not one of 立行立改, 限期整改, 长期坚持 (or the codes IMMEDIATE, TIME_BOUND, LONG_TERM)",
                errors.get(0).message());
        assertNull(PlanChoices.CADENCE.read("每季度", "row 3.调度频次", errors));
        assertTrue(errors.get(1).message().startsWith("'每季度' is not one of 日报, 周报, 月报 "), errors.get(1).message());
    }
}
