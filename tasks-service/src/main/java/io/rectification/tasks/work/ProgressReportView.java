package io.rectification.tasks.work;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.ReportingCadence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A progress report as the API and the TaskProgressReported event show it. */
@Schema(requiredProperties = {"id", "cadence", "periodStart", "periodEnd", "percentComplete", "text", "reporter",
        "reportedAt"})
public record ProgressReportView(UUID id, ReportingCadence cadence, LocalDate periodStart, LocalDate periodEnd,
                                 int percentComplete, String text, String reporter, OffsetDateTime reportedAt) {

    static ProgressReportView of(ProgressReport report) {
        return new ProgressReportView(report.id, report.cadence, report.periodStart, report.periodEnd,
                report.percentComplete, report.text, report.reporter, report.reportedAt);
    }

    /** As the TaskProgressReported event carries it. */
    public TasksEvent.ProgressReport published() {
        return new TasksEvent.ProgressReport(id, cadence.name(), periodStart, periodEnd, percentComplete, text,
                reporter, reportedAt);
    }
}
