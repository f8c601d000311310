package io.rectification.tasks.task;

import io.rectification.platform.contract.TasksEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A value of an indicator (指标) as recorded, with its source: what an IndicatorRecorded event says
 * besides the task. A plan's initial figures are recorded values too, so they reach the read models.
 */
public record RecordedValue(UUID indicatorId, BigDecimal value, String source, OffsetDateTime recordedAt) {

    /** The IndicatorRecorded event of this value, beside the task's snapshot. */
    public TasksEvent.IndicatorRecorded published(TasksEvent.TaskSnapshot task) {
        return new TasksEvent.IndicatorRecorded(task, indicatorId, value, source, recordedAt);
    }
}
