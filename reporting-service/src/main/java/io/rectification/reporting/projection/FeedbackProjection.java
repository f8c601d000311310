package io.rectification.reporting.projection;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publications and public feedback. Only the members of the contract's records are read and kept;
 * the events carry no personal data, and a member that slipped in is not in the record, so it is
 * never stored here.
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

    public void publication(EventEnvelope event, FeedbackEvent.PublicationSnapshot publication) {
        Required.member(publication, event.type(), "publication");
        FeedbackEvent.Channels channels = publication.channels();
        sql.update("""
                INSERT INTO rm_publication (id, version, inspection_id, title, window_start, window_end, time_zone,
                                            report_url, channels, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    title = EXCLUDED.title, window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end,
                    time_zone = EXCLUDED.time_zone, report_url = EXCLUDED.report_url, channels = EXCLUDED.channels,
                    data = EXCLUDED.data
                WHERE rm_publication.version <= EXCLUDED.version""",
                Required.member(publication.id(), event.type(), "publication.id"), Versions.of(event, null),
                publication.inspectionId(), publication.title(), publication.windowStart(), publication.windowEnd(),
                publication.timeZone(), publication.reportUrl(), channels == null ? null : EventContract.toJson(channels),
                SnapshotText.of(event, "publication", publication));
    }

    private static final String UPSERT_FEEDBACK = """
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
            WHERE rm_feedback.version <= EXCLUDED.version""";

    /** A feedback event with its envelope. */
    public record Change(EventEnvelope event, FeedbackEvent.FeedbackChange change) {
    }

    public void feedback(EventEnvelope event, FeedbackEvent.FeedbackChange change) {
        Object[] row = feedbackRow(event, change);
        sql.update(UPSERT_FEEDBACK, row);
        if (hasOutcome(change)) {
            outcome(event, (UUID) row[0], change);
        }
    }

    /**
     * Changes that the snapshot says all of ({@link #hasOutcome} false), in their order: one upsert
     * per feedback, of the row that applying them one by one would leave (the newest version; of
     * equal ones the later), all in one batch.
     */
    public void snapshotsOnly(List<Change> changes) {
        Map<UUID, Object[]> newest = new LinkedHashMap<>();
        for (Change change : changes) {
            if (hasOutcome(change.change())) {
                throw new IllegalArgumentException(change.event().type() + " carries more than its snapshot");
            }
            Object[] row = feedbackRow(change.event(), change.change());
            newest.merge((UUID) row[0], row, (kept, next) -> (long) next[1] >= (long) kept[1] ? next : kept);
        }
        sql.batch(UPSERT_FEEDBACK, List.copyOf(newest.values()));
    }

    /** Whether the change carries members beyond the feedback's snapshot (applied by {@link #outcome}). */
    public static boolean hasOutcome(FeedbackEvent.FeedbackChange change) {
        return change instanceof FeedbackEvent.FeedbackEscalated || change instanceof FeedbackEvent.FeedbackLinkedToProblem
                || change instanceof FeedbackEvent.FeedbackEscalationFailed || change instanceof FeedbackEvent.FeedbackMerged;
    }

    private static Object[] feedbackRow(EventEnvelope event, FeedbackEvent.FeedbackChange change) {
        FeedbackEvent.FeedbackSnapshot feedback = Required.member(change.feedback(), event.type(), "feedback");
        UUID id = Required.member(feedback.id(), event.type(), "feedback.id");
        return new Object[]{id, Versions.of(event, null), feedback.publicationId(), feedback.inspectionId(),
                feedback.channel(), feedback.category(), feedback.status(), feedback.areaId(), feedback.problemId(),
                feedback.taskId(), feedback.receivedAt(), feedback.triagedAt(), feedback.answeredAt(),
                feedback.closedAt(), feedback.replyDueAt(), feedback.anonymous(), SnapshotText.of(event, "feedback", feedback)};
    }

    /**
     * The members of the newer feedback events that the snapshot does not carry, applied only when
     * the event is the feedback's latest (repeats are dropped by id before this).
     */
    private void outcome(EventEnvelope event, UUID id, FeedbackEvent.FeedbackChange change) {
        Long current = sql.one("SELECT version FROM rm_feedback WHERE id = ?", row -> row.getLong(1), id);
        if (current != null && current > Versions.of(event, null)) {
            return; // an older event arriving late: the newer one already said what holds
        }
        if (change instanceof FeedbackEvent.FeedbackEscalated escalated) {
            FeedbackEvent.Escalation escalation = Required.member(escalated.escalation(), event.type(), "escalation");
            // escalated again after a refusal: the refusal no longer stands
            sql.update("""
                    INSERT INTO rm_escalation (feedback_id, inspection_id, area_id, title, description, escalated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (feedback_id) DO UPDATE SET inspection_id = EXCLUDED.inspection_id,
                        area_id = EXCLUDED.area_id, title = EXCLUDED.title, description = EXCLUDED.description,
                        escalated_at = EXCLUDED.escalated_at, refused_field = NULL, refused_reason = NULL,
                        refused_at = NULL""",
                    id, escalation.inspectionId(), escalation.areaId(), escalation.title(), escalation.description(),
                    event.time());
            sql.update("UPDATE rm_feedback SET escalation_refused_field = NULL, escalation_refused_reason = NULL"
                    + " WHERE id = ?", id);
        } else if (change instanceof FeedbackEvent.FeedbackLinkedToProblem linked) {
            UUID problemId = Required.member(linked.problemId(), event.type(), "problemId");
            sql.update("UPDATE rm_feedback SET escalated_problem_id = ? WHERE id = ?", problemId, id);
            sql.update("UPDATE rm_escalation SET problem_id = ?, linked_at = ? WHERE feedback_id = ?",
                    problemId, event.time(), id);
        } else if (change instanceof FeedbackEvent.FeedbackEscalationFailed failed) {
            sql.update("UPDATE rm_feedback SET escalation_refused_field = ?, escalation_refused_reason = ? WHERE id = ?",
                    failed.field(), failed.reason(), id);
            sql.update("UPDATE rm_escalation SET refused_field = ?, refused_reason = ?, refused_at = ?"
                    + " WHERE feedback_id = ?", failed.field(), failed.reason(), event.time(), id);
        } else if (change instanceof FeedbackEvent.FeedbackMerged merged) {
            sql.update("UPDATE rm_feedback SET merged_into_id = ? WHERE id = ?", merged.mergedIntoId(), id);
        }
    }
}
