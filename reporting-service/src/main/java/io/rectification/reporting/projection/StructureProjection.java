package io.rectification.reporting.projection;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Inspections, areas and problems: the frame of the report. Each upsert keeps the newest aggregate
 * version; an older one arriving late leaves the row as it is. An AreaCancelled or ProblemCancelled (撤销)
 * is projected as the other changes are, from its snapshot: cancelled_at is its {@code cancelledAt}.
 */
@ApplicationScoped
// A failure must not doom the caller's transaction: a rebuild's replay rolls back to a savepoint
// and goes on (EventReplay); live consumption ends its transaction itself.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class StructureProjection {

    private final Sql sql;
    private final History history;
    private final TaskChanges taskChanges;

    public StructureProjection(Sql sql, History history, TaskChanges taskChanges) {
        this.sql = sql;
        this.history = history;
        this.taskChanges = taskChanges;
    }

    public void inspection(EventEnvelope event, TasksEvent.InspectionSnapshot data) {
        sql.update("""
                INSERT INTO rm_inspection (id, version, title, team, inspected_organisation, kind, on_site_from, on_site_to,
                                           feedback_date, data, event_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, team = EXCLUDED.team,
                    inspected_organisation = EXCLUDED.inspected_organisation, kind = EXCLUDED.kind,
                    on_site_from = EXCLUDED.on_site_from, on_site_to = EXCLUDED.on_site_to,
                    feedback_date = EXCLUDED.feedback_date, data = EXCLUDED.data, event_time = EXCLUDED.event_time
                WHERE rm_inspection.version <= EXCLUDED.version""",
                Required.member(data.id(), event.type(), "id"), Versions.of(event, data.version()), data.title(),
                data.team(), data.inspectedOrganisation(), data.kind(), data.onSiteFrom(), data.onSiteTo(),
                data.feedbackDate(), SnapshotText.of(event, null, data), event.time());
    }

    public void area(EventEnvelope event, TasksEvent.AreaSnapshot area) {
        Required.member(area, event.type(), "area");
        sql.update("""
                INSERT INTO rm_area (id, version, inspection_id, number, title, data, cancelled_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    number = EXCLUDED.number, title = EXCLUDED.title, data = EXCLUDED.data,
                    cancelled_at = EXCLUDED.cancelled_at
                WHERE rm_area.version <= EXCLUDED.version""",
                Required.member(area.id(), event.type(), "area.id"), Versions.of(event, area.version()),
                area.inspectionId(), area.number(), area.title(), SnapshotText.of(event, "area", area),
                area.cancelledAt());
    }

    public void problem(EventEnvelope event, TasksEvent.ProblemSnapshot problem) {
        Required.member(problem, event.type(), "problem");
        long version = Versions.of(event, problem.version());
        String text = SnapshotText.of(event, "problem", problem);
        history.record("rm_problem_history", "problem_id", Required.member(problem.id(), event.type(), "problem.id"),
                version, problem.inspectionId(), event, text);
        sql.update("""
                INSERT INTO rm_problem (id, version, inspection_id, area_id, number, title, description, source,
                                        source_feedback_id, percent_complete, data, cancelled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    area_id = EXCLUDED.area_id, number = EXCLUDED.number, title = EXCLUDED.title,
                    description = EXCLUDED.description, source = EXCLUDED.source,
                    source_feedback_id = EXCLUDED.source_feedback_id, percent_complete = EXCLUDED.percent_complete,
                    data = EXCLUDED.data, cancelled_at = EXCLUDED.cancelled_at
                WHERE rm_problem.version <= EXCLUDED.version""",
                problem.id(), version, problem.inspectionId(), problem.areaId(), problem.number(), problem.title(),
                problem.description(), problem.source(), problem.sourceFeedbackId(), problem.percentComplete(),
                text, problem.cancelledAt());
        // Its tasks carry its source for the dashboards' scope (rm_task.problem_source): a task whose event
        // came first, or a problem whose source changed. Only the rows that differ are written (and so
        // move the tally), found by rm_task_problem; announced like any change of those tasks.
        taskChanges.announce(sql.query("""
                UPDATE rm_task t SET problem_source = p.source FROM rm_problem p
                WHERE p.id = ? AND t.problem_id = p.id AND t.problem_source IS DISTINCT FROM p.source
                RETURNING t.id""", row -> row.getObject(1, UUID.class), problem.id()));
    }
}
