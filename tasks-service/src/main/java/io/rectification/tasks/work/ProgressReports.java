package io.rectification.tasks.work;

import io.rectification.platform.contract.TasksEvent;
import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.ids.TimeOrderedIds;
import io.rectification.tasks.task.LifecycleRule;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskGuard;
import io.rectification.tasks.task.TaskPart;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 日报告 / 周调度 / 月推进: progress reported on a task being worked on; the latest sets its percent. */
@ApplicationScoped
@Transactional
public class ProgressReports {

    private final TaskGuard guard;
    private final TaskEvents events;
    private final Clock clock;

    public ProgressReports(TaskGuard guard, TaskEvents events, Clock clock) {
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    public ProgressReported report(UUID taskId, Long expectedVersion, ProgressReportInput input, String reporter) {
        ReportPeriod.check(input.cadence(), input.periodStart(), input.periodEnd(), LocalDate.now(clock));
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.OPEN_FOR_WORK);
        ProgressReport report = new ProgressReport();
        report.reportedAt = OffsetDateTime.now(clock);
        report.id = TimeOrderedIds.at(report.reportedAt.toInstant());
        report.taskId = task.id;
        report.cadence = input.cadence();
        report.periodStart = input.periodStart();
        report.periodEnd = input.periodEnd();
        report.text = input.text();
        report.percentComplete = input.percentComplete();
        report.reporter = reporter;
        report.persist();
        task.percentComplete = report.percentComplete;
        task.lastProgressReportAt = report.reportedAt;
        ProgressReportView view = ProgressReportView.of(report);
        TaskSnapshot snapshot = events.publish(task, s -> new TasksEvent.TaskProgressReported(s, view.published()));
        return new ProgressReported(view, snapshot);
    }

    /**
     * The task's reports, latest first, with the task's version, read first as for its evidence
     * ({@link EvidenceEntries#ofTask}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskPart<List<ProgressReportView>> ofTask(UUID taskId) {
        RectificationTask task = guard.find(taskId);
        return new TaskPart<>(ProgressReport.<ProgressReport>list("taskId", Sort.descending("reportedAt"), taskId)
                .stream().map(ProgressReportView::of).toList(), task.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgressReportView find(UUID taskId, UUID reportId) {
        return ProgressReport.<ProgressReport>find("id = ?1 and taskId = ?2", reportId, taskId).firstResultOptional()
                .map(ProgressReportView::of)
                .orElseThrow(() -> ApiException.notFound("progress report", reportId));
    }
}
