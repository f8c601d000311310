package io.rectification.tasks.work;

import io.rectification.tasks.task.TaskSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a progress report: the report and the task after it. */
@Schema(requiredProperties = {"report", "task"})
public record ProgressReported(ProgressReportView report, TaskSnapshot task) {
}
