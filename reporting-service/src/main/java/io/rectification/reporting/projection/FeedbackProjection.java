package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Json;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Publications and public feedback. Only the columns named here are read from the snapshot; the
 * events carry no personal data, and this projection would not store any that slipped in.
 */
@ApplicationScoped
// A failure must not doom the caller's transaction: a rebuild's replay rolls back to a savepoint
// and goes on (EventReplay); live consumption ends its transaction itself.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class FeedbackProjection {

    private final Sql sql;

    public FeedbackProjection(Sql sql) {
        this.sql = sql;
    }

    public void publication(EventEnvelope event) {
        JsonNode publication = Json.required(Json.data(event), "publication");
        JsonNode channels = publication.get("channels");
        sql.update("""
                INSERT INTO rm_publication (id, version, inspection_id, title, window_start, window_end, time_zone,
                                            report_url, channels, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    title = EXCLUDED.title, window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end,
                    time_zone = EXCLUDED.time_zone, report_url = EXCLUDED.report_url, channels = EXCLUDED.channels,
                    data = EXCLUDED.data
                WHERE rm_publication.version <= EXCLUDED.version""",
                Json.requiredId(publication, "id"), Versions.of(event, publication), Json.uuid(publication, "inspectionId"),
                Json.text(publication, "title"), Json.time(publication, "windowStart"),
                Json.time(publication, "windowEnd"), Json.text(publication, "timeZone"),
                Json.text(publication, "reportUrl"), channels == null || channels.isNull() ? null : channels.toString(),
                publication.toString());
    }

    public void feedback(EventEnvelope event) {
        JsonNode data = Json.data(event);
        JsonNode feedback = Json.required(data, "feedback");
        UUID id = Json.requiredId(feedback, "id");
        JsonNode snapshot = publicSnapshot(feedback);
        sql.update("""
                INSERT INTO rm_feedback (id, version, publication_id, inspection_id, channel, category, status, area_id,
                                         problem_id, task_id, received_at, triaged_at, answered_at, closed_at,
                                         reply_due_at, anonymous, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, publication_id = EXCLUDED.publication_id,
                    inspection_id = EXCLUDED.inspection_id, channel = EXCLUDED.channel, category = EXCLUDED.category,
                    status = EXCLUDED.status, area_id = EXCLUDED.area_id, problem_id = EXCLUDED.problem_id,
                    task_id = EXCLUDED.task_id, received_at = EXCLUDED.received_at, triaged_at = EXCLUDED.triaged_at,
                    answered_at = EXCLUDED.answered_at, closed_at = EXCLUDED.closed_at,
                    reply_due_at = EXCLUDED.reply_due_at, anonymous = EXCLUDED.anonymous, data = EXCLUDED.data
                WHERE rm_feedback.version <= EXCLUDED.version""",
                id, Versions.of(event, feedback), Json.uuid(feedback, "publicationId"), Json.uuid(feedback, "inspectionId"),
                Json.text(feedback, "channel"), Json.text(feedback, "category"), Json.text(feedback, "status"),
                Json.uuid(feedback, "areaId"), Json.uuid(feedback, "problemId"), Json.uuid(feedback, "taskId"),
                Json.time(feedback, "receivedAt"), Json.time(feedback, "triagedAt"), Json.time(feedback, "answeredAt"),
                Json.time(feedback, "closedAt"), Json.time(feedback, "replyDueAt"), Json.bool(feedback, "anonymous"),
                snapshot.toString());
        if ("FeedbackEscalated".equals(event.type())) {
            JsonNode escalation = Json.required(data, "escalation");
            sql.update("""
                    INSERT INTO rm_escalation (feedback_id, inspection_id, area_id, title, description, escalated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (feedback_id) DO UPDATE SET inspection_id = EXCLUDED.inspection_id,
                        area_id = EXCLUDED.area_id, title = EXCLUDED.title, description = EXCLUDED.description""",
                    id, Json.uuid(escalation, "inspectionId"), Json.uuid(escalation, "areaId"),
                    Json.text(escalation, "title"), Json.text(escalation, "description"), event.time());
        }
    }

    /** The snapshot members of the contract, nothing else: a producer's mistake must not leak personal data here. */
    private static JsonNode publicSnapshot(JsonNode feedback) {
        var kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String name : new String[]{"id", "publicationId", "inspectionId", "channel", "category", "status", "areaId",
                "problemId", "taskId", "receivedAt", "triagedAt", "answeredAt", "closedAt", "replyDueAt", "anonymous"}) {
            if (feedback.has(name)) {
                kept.set(name, feedback.get(name));
            }
        }
        return kept;
    }
}
