package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Json;
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

    public TaskProjection(Sql sql) {
        this.sql = sql;
    }

    public void apply(EventEnvelope event) {
        JsonNode data = Json.data(event);
        JsonNode task = Json.required(data, "task");
        UUID taskId = Json.requiredId(task, "id");
        snapshot(event, task, taskId);
        History.record(sql, "rm_task_history", "task_id", taskId, Versions.of(event, task),
                Json.uuid(task, "inspectionId"), event, task);
        switch (event.type()) {
            case "TaskProgressReported" -> progressReport(Json.required(data, "report"), task, taskId);
            case "IndicatorRecorded" -> indicatorValue(event, data, task, taskId);
            default -> {
                // the snapshot says everything the read models need
            }
        }
    }

    private void snapshot(EventEnvelope event, JsonNode task, UUID taskId) {
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
                taskId, Versions.of(event, task), Json.uuid(task, "inspectionId"), Json.uuid(task, "areaId"),
                Json.uuid(task, "problemId"), Json.integer(task, "number"), Json.text(task, "title"),
                Json.text(task, "measures"), Json.text(task, "progressNarrative"), Json.text(task, "leadOfficial"),
                Json.text(task, "responsiblePerson"), Json.text(task, "responsibleUnit"), Json.date(task, "deadline"),
                Json.text(task, "kind"), Json.text(task, "state"), Json.integer(task, "percentComplete"),
                Json.text(task, "reportingCadence"), Json.time(task, "lastProgressReportAt"),
                Json.time(task, "verifiedAt"), Json.integer(task, "reopenCount"), task.toString(), event.time(),
                event.time());
    }

    private void progressReport(JsonNode report, JsonNode task, UUID taskId) {
        sql.update("""
                INSERT INTO rm_progress_report (id, task_id, inspection_id, cadence, period_start, period_end,
                                                percent_complete, text, reporter, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                Json.requiredId(report, "id"), taskId, Json.uuid(task, "inspectionId"), Json.text(report, "cadence"),
                Json.date(report, "periodStart"), Json.date(report, "periodEnd"), Json.integer(report, "percentComplete"),
                Json.text(report, "text"), Json.text(report, "reporter"), Json.time(report, "reportedAt"));
    }

    private void indicatorValue(EventEnvelope event, JsonNode data, JsonNode task, UUID taskId) {
        UUID indicatorId = Json.requiredId(data, "indicatorId");
        BigDecimal value = Json.decimal(data, "value");
        if (value == null) {
            throw new IllegalArgumentException("IndicatorRecorded has no value");
        }
        JsonNode indicator = null;
        JsonNode indicators = task.get("indicators");
        if (indicators != null && indicators.isArray()) {
            for (JsonNode candidate : indicators) {
                if (indicatorId.toString().equals(Json.text(candidate, "id"))) {
                    indicator = candidate;
                }
            }
        }
        var recordedAt = Json.time(data, "recordedAt");
        sql.update("""
                INSERT INTO rm_indicator_value (event_id, indicator_id, task_id, inspection_id, name, unit, value, source,
                                                recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""",
                event.id(), indicatorId, taskId, Json.uuid(task, "inspectionId"), Json.text(indicator, "name"),
                Json.text(indicator, "unit"), value, Json.text(data, "source"),
                recordedAt != null ? recordedAt : event.time());
    }
}
