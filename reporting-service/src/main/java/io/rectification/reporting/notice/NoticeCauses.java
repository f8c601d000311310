package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Json;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records why someone is to be told, in the transaction in which the consumer applies the event:
 * a cause with a key of its own (so a cause is recorded once however often its event is read) and
 * the facts the notice says. Whom it reaches is decided later ({@link NoticeFanOut}), outside the
 * consumer, so a directory that does not answer never holds the read models up.
 *
 * <p>Only named members are copied into the facts, never a whole snapshot: a feedback cause has
 * its id, category and dates, nothing of who sent it or what they wrote.
 */
@ApplicationScoped
// Like the projections: a failure must not doom the replay's or consumer's transaction.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class NoticeCauses {

    private static final String[] TASK_FACTS = {"id", "inspectionId", "number", "title", "responsibleUnit", "deadline",
            "claimedBy"};
    private static final String[] FEEDBACK_FACTS = {"feedbackId", "publicationId", "inspectionId", "category",
            "replyDueDate", "daysOverdue"};

    private final Sql sql;
    private final Clock clock;
    private final NoticeConfig config;

    public NoticeCauses(Sql sql, Clock clock, NoticeConfig config) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
    }

    /** From rectification.tasks.v1: claims, rejections and overdue tasks. */
    public void taskEvent(EventEnvelope event) {
        NoticeKind kind = switch (event.type()) {
            case "TaskCompletionClaimed" -> NoticeKind.CLAIM_TO_VERIFY;
            case "TaskCompletionRejected" -> NoticeKind.COMPLETION_REJECTED;
            case "TaskOverdue" -> NoticeKind.TASK_OVERDUE;
            default -> null;
        };
        if (kind == null || tooOld(event)) {
            return;
        }
        JsonNode data = Json.data(event);
        JsonNode task = Json.required(data, "task");
        ObjectNode facts = pick(task, TASK_FACTS);
        String taskId = Json.requiredId(task, "id").toString();
        String key = switch (kind) {
            case TASK_OVERDUE -> {
                // one per task (or stage goal) and deadline, as tasks-service emits it
                facts.put("what", Json.text(data, "what"));
                facts.put("dueDate", Json.text(data, "dueDate"));
                yield kind + "|" + taskId + "|" + Json.text(data, "what") + "|" + Json.text(data, "milestoneId")
                        + "|" + Json.text(data, "dueDate");
            }
            case COMPLETION_REJECTED -> {
                String reason = Json.text(data, "reason");
                facts.put("reason", reason != null ? reason : Json.text(task.path("lastRejection"), "reason"));
                yield kind + "|" + taskId + "|" + version(event);
            }
            default -> kind + "|" + taskId + "|" + version(event);
        };
        record(key, kind, kind.ofTheUnit() ? Json.text(task, "responsibleUnit") : null, facts, event);
    }

    /** From rectification.feedback.v1: the reply deadlines (FeedbackReplyDueSoon, FeedbackReplyOverdue). */
    public void feedbackEvent(EventEnvelope event) {
        NoticeKind kind = switch (event.type()) {
            case "FeedbackReplyDueSoon" -> NoticeKind.FEEDBACK_REPLY_DUE_SOON;
            case "FeedbackReplyOverdue" -> NoticeKind.FEEDBACK_REPLY_OVERDUE;
            default -> null;
        };
        if (kind == null || tooOld(event)) {
            return;
        }
        JsonNode data = Json.data(event);
        String feedbackId = Json.requiredId(data, "feedbackId").toString();
        record(kind + "|" + feedbackId + "|" + Json.text(data, "replyDueDate"), kind, null,
                pick(data, FEEDBACK_FACTS), event);
    }

    private void record(String key, NoticeKind kind, String unit, ObjectNode facts, EventEnvelope event) {
        if (kind.ofTheUnit() && (unit == null || unit.isBlank())) {
            return; // a task of no unit has no officers to tell
        }
        sql.update("""
                INSERT INTO notice_cause (cause_key, kind, audience_role, audience_unit, facts, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, now())
                ON CONFLICT (cause_key) DO NOTHING""",
                key, kind.name(), kind.role(), unit, facts.toString(),
                event.time() != null ? event.time() : OffsetDateTime.now(clock));
    }

    private boolean tooOld(EventEnvelope event) {
        return event.time() != null && event.time().toInstant().isBefore(clock.instant().minus(config.maxEventAge()));
    }

    private static long version(EventEnvelope event) {
        JsonNode task = Json.data(event).path("task");
        if (event.aggregateversion() != null) {
            return event.aggregateversion();
        }
        return task.path("version").asLong(0);
    }

    private static ObjectNode pick(JsonNode from, String[] names) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            JsonNode value = from.get(name);
            if (value != null && value.isValueNode()) {
                kept.set(name, value);
            }
        }
        return kept;
    }
}
