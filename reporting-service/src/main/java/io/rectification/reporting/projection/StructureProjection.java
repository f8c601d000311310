package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Json;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Inspections, areas and problems: the frame of the report. Each upsert keeps the newest aggregate
 * version; an older one arriving late leaves the row as it is.
 */
@ApplicationScoped
// A failure must not doom the caller's transaction: a rebuild's replay rolls back to a savepoint
// and goes on (EventReplay); live consumption ends its transaction itself.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class StructureProjection {

    private final Sql sql;

    public StructureProjection(Sql sql) {
        this.sql = sql;
    }

    public void inspection(EventEnvelope event) {
        JsonNode data = Json.data(event);
        sql.update("""
                INSERT INTO rm_inspection (id, version, title, team, inspected_organisation, kind, on_site_from, on_site_to,
                                           feedback_date, data, event_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, team = EXCLUDED.team,
                    inspected_organisation = EXCLUDED.inspected_organisation, kind = EXCLUDED.kind,
                    on_site_from = EXCLUDED.on_site_from, on_site_to = EXCLUDED.on_site_to,
                    feedback_date = EXCLUDED.feedback_date, data = EXCLUDED.data, event_time = EXCLUDED.event_time
                WHERE rm_inspection.version <= EXCLUDED.version""",
                Json.requiredId(data, "id"), Versions.of(event, data), Json.text(data, "title"), Json.text(data, "team"),
                Json.text(data, "inspectedOrganisation"), Json.text(data, "kind"), Json.date(data, "onSiteFrom"),
                Json.date(data, "onSiteTo"), Json.date(data, "feedbackDate"), data.toString(), event.time());
    }

    public void area(EventEnvelope event) {
        JsonNode area = Json.required(Json.data(event), "area");
        sql.update("""
                INSERT INTO rm_area (id, version, inspection_id, number, title, data)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    number = EXCLUDED.number, title = EXCLUDED.title, data = EXCLUDED.data
                WHERE rm_area.version <= EXCLUDED.version""",
                Json.requiredId(area, "id"), Versions.of(event, area), Json.uuid(area, "inspectionId"),
                Json.integer(area, "number"), Json.text(area, "title"), area.toString());
    }

    public void problem(EventEnvelope event) {
        JsonNode problem = Json.required(Json.data(event), "problem");
        History.record(sql, "rm_problem_history", "problem_id", Json.requiredId(problem, "id"),
                Versions.of(event, problem), Json.uuid(problem, "inspectionId"), event, problem);
        sql.update("""
                INSERT INTO rm_problem (id, version, inspection_id, area_id, number, title, description, source,
                                        source_feedback_id, percent_complete, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    area_id = EXCLUDED.area_id, number = EXCLUDED.number, title = EXCLUDED.title,
                    description = EXCLUDED.description, source = EXCLUDED.source,
                    source_feedback_id = EXCLUDED.source_feedback_id, percent_complete = EXCLUDED.percent_complete,
                    data = EXCLUDED.data
                WHERE rm_problem.version <= EXCLUDED.version""",
                Json.requiredId(problem, "id"), Versions.of(event, problem), Json.uuid(problem, "inspectionId"),
                Json.uuid(problem, "areaId"), Json.integer(problem, "number"), Json.text(problem, "title"),
                Json.text(problem, "description"), Json.text(problem, "source"), Json.uuid(problem, "sourceFeedbackId"),
                Json.integer(problem, "percentComplete"), problem.toString());
    }
}
