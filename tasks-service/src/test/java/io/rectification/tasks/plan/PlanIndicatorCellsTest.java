package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.task.IndicatorInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class PlanIndicatorCellsTest {

    /** A percentage cell shows 50%: with the unit % it is 50, as written without the sign. */
    @Test
    void aPercentageIsTheFigureWhenTheUnitIsPercent() {
        List<FieldError> errors = new ArrayList<>();
        List<IndicatorInput> indicators = PlanIndicatorCells.read(cells("%", "40%", "50％"), "row 2", errors);
        assertEquals(List.of(), errors);
        assertEquals(0, new BigDecimal("40").compareTo(indicators.get(0).baseline()));
        assertEquals(0, new BigDecimal("50").compareTo(indicators.get(0).actual()));
    }

    /** In another unit 50% gave two errors, the second (a source without a value in 指标现值) wrong: now one, precise. */
    @Test
    void aPercentageInAnotherUnitIsOneErrorNamingTheUnit() {
        List<FieldError> errors = new ArrayList<>();
        PlanIndicatorCells.read(cells("件", "", "50%"), "row 2", errors);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("row 2.指标现值", errors.get(0).field());
        assertTrue(errors.get(0).message().startsWith("'50%' is a percentage, but 指标单位 is '件'"), errors.get(0).message());
        List<FieldError> notANumber = new ArrayList<>();
        PlanIndicatorCells.read(cells("件", "", "五十"), "row 2", notANumber);
        assertEquals(List.of(new FieldError("row 2.指标现值", "'五十' is not a number")), notANumber);
    }

    private static Map<String, String> cells(String unit, String baseline, String actual) {
        return Map.of(PlanColumns.INDICATOR_NAME, "会议压减率", PlanColumns.INDICATOR_UNIT, unit,
                PlanColumns.INDICATOR_BASELINE, baseline, PlanColumns.INDICATOR_TARGET, "≥30",
                PlanColumns.INDICATOR_ACTUAL, actual, PlanColumns.INDICATOR_SOURCE, "办公室台账");
    }
}
