package io.rectification.reporting.projection;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tasks: every task event carries the full snapshot, so the current row is simply the newest one;
 * progress reports and indicator values are facts kept as a history.
 *
 * <p>A poll's events are applied together ({@link #applyAll}): the facts in one batch per table, and
 * per task one upsert of the state that applying its events one by one would leave.
 */
@ApplicationScoped
// A failure must not doom the caller's transaction: a rebuild's replay rolls back to a savepoint
// and goes on (EventReplay); live consumption ends its transaction itself.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class TaskProjection {

    private static final String UPSERT = """
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
            WHERE rm_task.version <= EXCLUDED.version""";

    private final Sql sql;
    private final History history;

    public TaskProjection(Sql sql, History history) {
        this.sql = sql;
        this.history = history;
    }

    /** A task event with its envelope. */
    public record Change(EventEnvelope event, TasksEvent.TaskChange change) {
    }

    /** One event's snapshot with the version it is applied under. */
    private record Applied(EventEnvelope event, TasksEvent.TaskSnapshot task, UUID taskId, long version) {
    }

    public void apply(EventEnvelope event, TasksEvent.TaskChange change) {
        applyAll(List.of(new Change(event, change)));
    }

    /** The changes in their order; a member missing from any of them fails the whole call. */
    public void applyAll(List<Change> changes) {
        Map<UUID, List<Applied>> byTask = new LinkedHashMap<>();
        List<Object[]> historyRows = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        List<Object[]> indicatorValues = new ArrayList<>();
        for (Change change : changes) {
            EventEnvelope event = change.event();
            TasksEvent.TaskSnapshot task = Required.member(change.change().task(), event.type(), "task");
            UUID taskId = Required.member(task.id(), event.type(), "task.id");
            long version = Versions.of(event, task.version());
            byTask.computeIfAbsent(taskId, id -> new ArrayList<>()).add(new Applied(event, task, taskId, version));
            historyRows.add(history.row(taskId, version, task.inspectionId(), event, task));
            // Other task events: the snapshot says everything the read models need.
            if (change.change() instanceof TasksEvent.TaskProgressReported reported) {
                reports.add(progressReport(Required.member(reported.report(), event.type(), "report"), task, taskId));
            } else if (change.change() instanceof TasksEvent.IndicatorRecorded recorded) {
                indicatorValues.add(indicatorValue(event, recorded, task, taskId));
            }
        }
        sql.batch(UPSERT, snapshots(byTask));
        history.recordAll("rm_task_history", "task_id", historyRows);
        sql.batch("""
                INSERT INTO rm_progress_report (id, task_id, inspection_id, cadence, period_start, period_end,
                                                percent_complete, text, reporter, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""", reports);
        sql.batch("""
                INSERT INTO rm_indicator_value (event_id, indicator_id, task_id, inspection_id, name, unit, value, source,
                                                recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", indicatorValues);
    }

    /**
     * Per task the row its events leave when applied one by one under the upsert's guard: an event
     * lands when its version is at least the row's at that moment, the last that lands gives the
     * row, and first_seen_at is the earliest time of those that land. Only a task with several
     * events needs the row's current version for that (one query for all of them).
     */
    private List<Object[]> snapshots(Map<UUID, List<Applied>> byTask) {
        List<UUID> folded = byTask.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .toList();
        Map<UUID, Long> stored = folded.isEmpty() ? Map.of() : storedVersions(folded);
        List<Object[]> rows = new ArrayList<>(byTask.size());
        for (Map.Entry<UUID, List<Applied>> entry : byTask.entrySet()) {
            long current = stored.getOrDefault(entry.getKey(), Long.MIN_VALUE);
            Applied last = null;
            OffsetDateTime firstSeen = null;
            for (Applied applied : entry.getValue()) {
                if (applied.version() < current) {
                    continue;
                }
                current = applied.version();
                last = applied;
                OffsetDateTime time = applied.event().time();
                if (time != null && (firstSeen == null || time.isBefore(firstSeen))) {
                    firstSeen = time;
                }
            }
            if (last != null) {
                rows.add(snapshotRow(last, firstSeen));
            }
        }
        return rows;
    }

    private Map<UUID, Long> storedVersions(List<UUID> taskIds) {
        Map<UUID, Long> versions = new HashMap<>();
        sql.query("SELECT id, version FROM rm_task WHERE id = ANY(CAST(? AS uuid[]))",
                row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)),
                (Object) taskIds.stream().map(UUID::toString).toArray(String[]::new));
        return versions;
    }

    private static Object[] snapshotRow(Applied applied, OffsetDateTime firstSeen) {
        TasksEvent.TaskSnapshot task = applied.task();
        return new Object[]{applied.taskId(), applied.version(), task.inspectionId(), task.areaId(), task.problemId(),
                task.number(), task.title(), task.measures(), task.progressNarrative(), task.leadOfficial(),
                task.responsiblePerson(), task.responsibleUnit(), task.deadline(), task.kind(), task.state(),
                task.percentComplete(), task.reportingCadence(), task.lastProgressReportAt(), task.verifiedAt(),
                task.reopenCount(), EventContract.toJson(task), applied.event().time(), firstSeen};
    }

    private static Object[] progressReport(TasksEvent.ProgressReport report, TasksEvent.TaskSnapshot task, UUID taskId) {
        return new Object[]{Required.member(report.id(), "TaskProgressReported", "report.id"), taskId,
                task.inspectionId(), report.cadence(), report.periodStart(), report.periodEnd(), report.percentComplete(),
                report.text(), report.reporter(), report.reportedAt()};
    }

    private static Object[] indicatorValue(EventEnvelope event, TasksEvent.IndicatorRecorded recorded,
                                           TasksEvent.TaskSnapshot task, UUID taskId) {
        UUID indicatorId = Required.member(recorded.indicatorId(), event.type(), "indicatorId");
        BigDecimal value = Required.member(recorded.value(), event.type(), "value");
        TasksEvent.Indicator indicator = task.indicators() == null ? null : task.indicators().stream()
                .filter(candidate -> indicatorId.equals(candidate.id())).reduce((first, last) -> last).orElse(null);
        var recordedAt = recorded.recordedAt();
        return new Object[]{event.id(), indicatorId, taskId, task.inspectionId(),
                indicator == null ? null : indicator.name(), indicator == null ? null : indicator.unit(), value,
                recorded.source(), recordedAt != null ? recordedAt : event.time()};
    }
}
