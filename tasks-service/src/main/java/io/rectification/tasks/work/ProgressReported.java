package io.rectification.tasks.work;

import io.rectification.tasks.task.TaskSnapshot;

/** The answer to a progress report: the report and the task after it. */
public record ProgressReported(ProgressReportView report, TaskSnapshot task) {
}
