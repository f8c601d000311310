package io.rectification.reporting.report;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicators of a task snapshot that have a value, worded as a notice publishes them: a level
 * ("新增亿元以上主导产业项目占比92%"), or, for a target relative to the baseline (RELATIVE_PERCENT), the
 * change ("发文总量同比下降45%"): computed from the baseline, or recorded as the change itself when
 * only the change was published (no baseline; tasks-service's rule).
 */
public final class PublishedFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PublishedFigures() {
    }

    /** From a task's read-model data (its last event's snapshot, as stored); none without it. */
    public static List<Figure> ofStored(String taskData) {
        List<Figure> figures = new ArrayList<>();
        TasksEvent.TaskSnapshot task = EventContract.fromJson(taskData, TasksEvent.TaskSnapshot.class);
        List<TasksEvent.Indicator> indicators = task == null ? null : task.indicators();
        if (indicators == null) {
            return figures;
        }
        for (TasksEvent.Indicator indicator : indicators) {
            BigDecimal actual = indicator.latestActual();
            if (actual == null) {
                continue;
            }
            String name = indicator.name();
            BigDecimal change = relativeChange(indicator, actual);
            figures.add(change == null ? new Figure(name, actual, indicator.unit())
                    : new Figure((name == null ? "" : name) + (change.signum() < 0 ? "下降" : "上升"), change.abs(), "%", name));
        }
        return figures;
    }

    /** The change in percent of a relative indicator, or null for an absolute one (or a baseline of 0). */
    private static BigDecimal relativeChange(TasksEvent.Indicator indicator, BigDecimal actual) {
        if (!"RELATIVE_PERCENT".equals(indicator.targetKind())) {
            return null;
        }
        BigDecimal baseline = indicator.baseline();
        if (baseline == null) {
            return actual;
        }
        if (baseline.signum() == 0) {
            return null;
        }
        return actual.subtract(baseline).multiply(HUNDRED).divide(baseline.abs(), 1, RoundingMode.HALF_UP);
    }
}
