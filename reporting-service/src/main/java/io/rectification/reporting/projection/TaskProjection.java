package io.rectification.reporting.projection;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Tasks: every task event carries the full snapshot, so the current row is simply the newest one;
 * progress reports and indicator values are facts kept as a history.
 */
@ApplicationScoped
// A failure must not doom the caller's transaction: a rebuild's replay rolls back to a savepoint
// and goes on (EventReplay); live consumption ends its transaction itself.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class TaskProjection {

    private final Sql sql;
    private final History history;

    public TaskProjection(Sql sql, History history) {
        this.sql = sql;
        this.history = history;
    }

    public void apply(EventEnvelope event, TasksEvent.TaskChange change) {
        TasksEvent.TaskSnapshot task = Required.member(change.task(), event.type(), "task");
        UUID taskId = Required.member(task.id(), event.type(), "task.id");
        snapshot(event, task, taskId);
        history.record("rm_task_history", "task_id", taskId, Versions.of(event, task.version()),
                task.inspectionId(), event, task);
        // Other task events: the snapshot says everything the read models need.
        if (change instanceof TasksEvent.TaskProgressReported reported) {
            progressReport(Required.member(reported.report(), event.type(), "report"), task, taskId);
        } else if (change instanceof TasksEvent.IndicatorRecorded recorded) {
            indicatorValue(event, recorded, task, taskId);
        }
    }

    private void snapshot(EventEnvelope event, TasksEvent.TaskSnapshot task, UUID taskId) {
        sql.update("""
                INSERT INTO rm_task (id, version, inspection_id, area_id, problem_id, number, title, measures,
                                     progress_narrative, lead_official, responsible_person, responsible_unit, deadline,
                                     kind, state, percent_complete, reporting_cadence, last_progress_report_at,
                                     verified_at, reopen_count, data, event_time, first_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    area_id = EXCLUDED.area_id, problem_id = EXCLUDED.problem_id, number = EXCLUDED.number,
                    title = EXCLUDED.title, measures = EXCLUDED.measures,
                    progress_narrative = EXCLUDED.progress_narrative, lead_official = EXCLUDED.lead_official,
                    responsible_person = EXCLUDED.responsible_person, responsible_unit = EXCLUDED.responsible_unit,
                    deadline = EXCLUDED.deadline, kind = EXCLUDED.kind, state = EXCLUDED.state,
                    percent_complete = EXCLUDED.percent_complete, reporting_cadence = EXCLUDED.reporting_cadence,
                    last_progress_report_at = EXCLUDED.last_progress_report_at, verified_at = EXCLUDED.verified_at,
                    reopen_count = EXCLUDED.reopen_count, data = EXCLUDED.data, event_time = EXCLUDED.event_time,
                    first_seen_at = LEAST(rm_task.first_seen_at, EXCLUDED.first_seen_at)
                WHERE rm_task.version <= EXCLUDED.version""",
                taskId, Versions.of(event, task.version()), task.inspectionId(), task.areaId(), task.problemId(),
                task.number(), task.title(), task.measures(), task.progressNarrative(), task.leadOfficial(),
                task.responsiblePerson(), task.responsibleUnit(), task.deadline(), task.kind(), task.state(),
                task.percentComplete(), task.reportingCadence(), task.lastProgressReportAt(), task.verifiedAt(),
                task.reopenCount(), EventContract.toJson(task), event.time(), event.time());
    }

    private void progressReport(TasksEvent.ProgressReport report, TasksEvent.TaskSnapshot task, UUID taskId) {
        sql.update("""
                INSERT INTO rm_progress_report (id, task_id, inspection_id, cadence, period_start, period_end,
                                                percent_complete, text, reporter, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                Required.member(report.id(), "TaskProgressReported", "report.id"), taskId, task.inspectionId(), report.cadence(),
                report.periodStart(), report.periodEnd(), report.percentComplete(), report.text(), report.reporter(),
                report.reportedAt());
    }

    private void indicatorValue(EventEnvelope event, TasksEvent.IndicatorRecorded recorded,
                                TasksEvent.TaskSnapshot task, UUID taskId) {
        UUID indicatorId = Required.member(recorded.indicatorId(), event.type(), "indicatorId");
        BigDecimal value = Required.member(recorded.value(), event.type(), "value");
        TasksEvent.Indicator indicator = task.indicators() == null ? null : task.indicators().stream()
                .filter(candidate -> indicatorId.equals(candidate.id())).reduce((first, last) -> last).orElse(null);
        var recordedAt = recorded.recordedAt();
        sql.update("""
                INSERT INTO rm_indicator_value (event_id, indicator_id, task_id, inspection_id, name, unit, value, source,
                                                recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""",
                event.id(), indicatorId, taskId, task.inspectionId(), indicator == null ? null : indicator.name(),
                indicator == null ? null : indicator.unit(), value, recorded.source(),
                recordedAt != null ? recordedAt : event.time());
    }
}
