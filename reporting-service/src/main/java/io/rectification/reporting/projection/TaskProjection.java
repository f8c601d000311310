package io.rectification.reporting.projection;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.ReportDueRule;
import io.rectification.reporting.support.ReportingConfig;
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
 * <p>problem_source is the task's problem's source as rm_problem holds it when the task's row is
 * written (null before the problem arrives); {@link StructureProjection#problem} brings it up to date
 * when the problem arrives later. The dashboards scope their figures by it (dashboard/SourceScope).
 *
 * <p>A TaskCancelled (撤销) is projected as every task event is, from its snapshot: cancelled_at is its
 * {@code cancelledAt}, and the row stays, left out of every figure (support/Standing).
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
                                 verified_at, reopen_count, data, event_time, first_seen_at, report_due_on,
                                 cancelled_at, problem_source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?,
                    (SELECT p.source FROM rm_problem p WHERE p.id = ?))
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                area_id = EXCLUDED.area_id, problem_id = EXCLUDED.problem_id, number = EXCLUDED.number,
                title = EXCLUDED.title, measures = EXCLUDED.measures,
                progress_narrative = EXCLUDED.progress_narrative, lead_official = EXCLUDED.lead_official,
                responsible_person = EXCLUDED.responsible_person, responsible_unit = EXCLUDED.responsible_unit,
                deadline = EXCLUDED.deadline, kind = EXCLUDED.kind, state = EXCLUDED.state,
                percent_complete = EXCLUDED.percent_complete, reporting_cadence = EXCLUDED.reporting_cadence,
                last_progress_report_at = EXCLUDED.last_progress_report_at, verified_at = EXCLUDED.verified_at,
                reopen_count = EXCLUDED.reopen_count, data = EXCLUDED.data, event_time = EXCLUDED.event_time,
                first_seen_at = LEAST(rm_task.first_seen_at, EXCLUDED.first_seen_at),
                report_due_on = EXCLUDED.report_due_on, cancelled_at = EXCLUDED.cancelled_at,
                problem_source = EXCLUDED.problem_source
            WHERE rm_task.version <= EXCLUDED.version""";

    private final Sql sql;
    private final History history;
    private final ReportingConfig config;
    private final TaskChanges taskChanges;

    public TaskProjection(Sql sql, History history, ReportingConfig config, TaskChanges taskChanges) {
        this.sql = sql;
        this.history = history;
        this.config = config;
        this.taskChanges = taskChanges;
    }

    /** What the row holds before the changes: its version, and the first time seen (report_due_on counts from it). */
    private record Stored(long version, OffsetDateTime firstSeen) {
    }

    /** A task event with its envelope. */
    public record Change(EventEnvelope event, TasksEvent.TaskChange change) {
    }

    /** One event's snapshot with the version it is applied under. */
    private record Applied(EventEnvelope event, TasksEvent.TaskSnapshot task, UUID taskId, long version) {
    }

    public void apply(EventEnvelope event, TasksEvent.TaskChange change) {
        applyAll(List.of(new Change(event, change)), Appending.KEEP_FIRST);
    }

    /**
     * The changes in their order; a member missing from any of them fails the whole call.
     * {@code appending} says how the history and the progress reports are written.
     */
    void applyAll(List<Change> changes, Appending appending) {
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
            historyRows.add(history.row(taskId, version, task.inspectionId(), event, appending == Appending.COPY
                    ? SnapshotText.forCopy(event, "task", task) : SnapshotText.of(event, "task", task)));
            // Other task events: the snapshot says everything the read models need.
            if (change.change() instanceof TasksEvent.TaskProgressReported reported) {
                reports.add(progressReport(Required.member(reported.report(), event.type(), "report"), task, taskId));
            } else if (change.change() instanceof TasksEvent.IndicatorRecorded recorded) {
                indicatorValues.add(indicatorValue(event, recorded, task, taskId));
            }
        }
        sql.batch(UPSERT, snapshots(byTask));
        history.recordAll("rm_task_history", "task_id", historyRows, appending);
        appending.write(sql, """
                rm_progress_report (id, task_id, inspection_id, cadence, period_start, period_end, percent_complete,
                                    text, reporter, reported_at)""",
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", reports);
        sql.batch("""
                INSERT INTO rm_indicator_value (event_id, indicator_id, task_id, inspection_id, name, unit, value, source,
                                                recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", indicatorValues);
        if (appending == Appending.KEEP_FIRST) {
            // a rebuild's replay (COPY) is announced once, when its read models are swapped in
            taskChanges.announce(byTask.keySet());
        }
    }

    /**
     * Per task the row its events leave when applied one by one under the upsert's guard: an event
     * lands when its version is at least the row's at that moment, the last that lands gives the
     * row, and first_seen_at is the earliest time of those that land and of the row's. The rows
     * stored are read first (one query for all of them): the guard needs their versions, and
     * report_due_on their first_seen_at.
     */
    private List<Object[]> snapshots(Map<UUID, List<Applied>> byTask) {
        Map<UUID, Stored> stored = byTask.isEmpty() ? Map.of() : stored(List.copyOf(byTask.keySet()));
        List<Object[]> rows = new ArrayList<>(byTask.size());
        for (Map.Entry<UUID, List<Applied>> entry : byTask.entrySet()) {
            Stored before = stored.get(entry.getKey());
            long current = before == null ? Long.MIN_VALUE : before.version();
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
                rows.add(snapshotRow(last, firstSeen, earlier(firstSeen, before == null ? null : before.firstSeen())));
            }
        }
        return rows;
    }

    private Map<UUID, Stored> stored(List<UUID> taskIds) {
        Map<UUID, Stored> rows = new HashMap<>();
        sql.query("SELECT id, version, first_seen_at FROM rm_task WHERE id = ANY(CAST(? AS uuid[]))",
                row -> rows.put(row.getObject(1, UUID.class),
                        new Stored(row.getLong(2), row.getObject(3, OffsetDateTime.class))),
                (Object) taskIds.stream().map(UUID::toString).toArray(String[]::new));
        return rows;
    }

    /** As LEAST in SQL: the earlier of the two, ignoring a null. */
    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** @param firstSeen this batch's earliest time; {@code since} the row's after the upsert (with the stored one) */
    private Object[] snapshotRow(Applied applied, OffsetDateTime firstSeen, OffsetDateTime since) {
        TasksEvent.TaskSnapshot task = applied.task();
        return new Object[]{applied.taskId(), applied.version(), task.inspectionId(), task.areaId(), task.problemId(),
                task.number(), task.title(), task.measures(), task.progressNarrative(), task.leadOfficial(),
                task.responsiblePerson(), task.responsibleUnit(), task.deadline(), task.kind(), task.state(),
                task.percentComplete(), task.reportingCadence(), task.lastProgressReportAt(), task.verifiedAt(),
                task.reopenCount(), SnapshotText.of(applied.event(), "task", task), applied.event().time(), firstSeen,
                ReportDueRule.dueOn(task.state(), task.reportingCadence(), task.lastProgressReportAt(), since, config.zone()),
                task.cancelledAt(), task.problemId()};
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
