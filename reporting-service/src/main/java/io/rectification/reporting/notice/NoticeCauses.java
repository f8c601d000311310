package io.rectification.reporting.notice;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.TaskLabel;
import io.rectification.reporting.todo.FeedbackTitle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Records why someone is to be told, in the transaction in which the consumer applies the event:
 * a cause with a key of its own (so a cause is recorded once however often its event is read) and
 * the facts the notice says. Whom it reaches is decided later ({@link NoticeFanOut}), outside the
 * consumer, so a directory that does not answer never holds the read models up.
 *
 * <p>Only named members are copied into the facts, never a whole snapshot: a feedback cause has
 * its id, category, channel and dates, nothing of who sent it or what they wrote.
 */
@ApplicationScoped
// Like the projections: a failure must not doom the replay's or consumer's transaction.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class NoticeCauses {

    private final Sql sql;
    private final Clock clock;
    private final NoticeConfig config;

    public NoticeCauses(Sql sql, Clock clock, NoticeConfig config) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
    }

    /**
     * From rectification.tasks.v1 (the event's record, null for a type unknown here): claims, rejections,
     * reopenings after a look-back, deadlines moved, and overdue tasks.
     */
    public void taskEvent(EventEnvelope event, EventData data) {
        if (!(data instanceof TasksEvent.TaskChange change)) {
            return;
        }
        TasksEvent.TaskSnapshot task = change.task();
        if (task == null || task.id() == null) {
            throw new IllegalArgumentException(event.type() + " has no task id");
        }
        if (task.cancelled()) {
            // 撤销: a cancelled task is due nothing, so no one is told of it, and what was to be told and
            // is not sent yet is dropped (however old the event: a notice must not outlive its task)
            if (change instanceof TasksEvent.TaskCancelled) {
                dropPending(task.id());
            }
            return;
        }
        if (tooOld(event)) {
            return;
        }
        // The facts are built in each branch: most task events (progress reports above all) tell no one.
        String taskId = task.id().toString();
        if (change instanceof TasksEvent.TaskCompletionClaimed) {
            record(NoticeKind.CLAIM_TO_VERIFY + "|" + taskId + "|" + version(event, task),
                    NoticeKind.CLAIM_TO_VERIFY, null, NoticeFacts.claim(task, name(task)), event);
        } else if (change instanceof TasksEvent.TaskCompletionRejected rejected) {
            String reason = rejected.reason() != null ? rejected.reason()
                    : task.lastRejection() != null ? task.lastRejection().reason() : null;
            // the supervisor's username; the notice names them as the directory does
            String rejectedBy = task.lastRejection() != null ? task.lastRejection().by() : null;
            record(NoticeKind.COMPLETION_REJECTED + "|" + taskId + "|" + version(event, task),
                    NoticeKind.COMPLETION_REJECTED, task.responsibleUnit(),
                    NoticeFacts.rejection(task, name(task), reason, rejectedBy), event);
        } else if (change instanceof TasksEvent.TaskReopened reopened) {
            // as a rejection: the unit works on it again, and is told why at once (再整改)
            String reason = reopened.reason() != null ? reopened.reason()
                    : task.lastReopen() != null ? task.lastReopen().reason() : null;
            String reopenedBy = task.lastReopen() != null ? task.lastReopen().by() : null;
            record(NoticeKind.TASK_REOPENED + "|" + taskId + "|" + version(event, task), NoticeKind.TASK_REOPENED,
                    task.responsibleUnit(), NoticeFacts.reopening(task, name(task), reason, reopenedBy,
                            reopened.previousDeadline()), event);
        } else if (change instanceof TasksEvent.TaskCompleted || change instanceof TasksEvent.TaskConsolidating) {
            // the claim went through (销号, or 核实转入巩固): the unit is told as it is told of a rejection
            record(NoticeKind.TASK_CLOSED_OUT + "|" + taskId + "|" + version(event, task), NoticeKind.TASK_CLOSED_OUT,
                    task.responsibleUnit(), NoticeFacts.closeOut(task, name(task)), event);
        } else if (change instanceof TasksEvent.TaskDeadlineChanged moved) {
            String changedBy = task.lastDeadlineChange() != null ? task.lastDeadlineChange().by() : null;
            record(NoticeKind.DEADLINE_CHANGED + "|" + taskId + "|" + version(event, task), NoticeKind.DEADLINE_CHANGED,
                    task.responsibleUnit(), NoticeFacts.deadlineMove(task, name(task), moved.previousDeadline(),
                            moved.reason(), changedBy), event);
        } else if (change instanceof TasksEvent.TaskDeadlineExtensionRefused refused) {
            // as a rejection: the unit is told why at once, and works to the deadline it had
            record(NoticeKind.DEADLINE_EXTENSION_REFUSED + "|" + taskId + "|" + version(event, task),
                    NoticeKind.DEADLINE_EXTENSION_REFUSED, task.responsibleUnit(), NoticeFacts.extensionRefusal(task,
                            name(task), refused.requestedDeadline(), refused.reason(), refused.refusedBy()), event);
        } else if (change instanceof TasksEvent.TaskOverdue overdue) {
            // one per task (or stage goal), deadline and episode, as tasks-service emits it: a claim rejected
            // after the date (or a task reopened after it) is overdue anew (resumedAt), the first episode keeps
            // the key it always had
            NoticeFacts facts = NoticeFacts.overdue(task, name(task), overdue.what(), overdue.dueDate(),
                    stageGoal(task, overdue.milestoneId()));
            record(NoticeKind.TASK_OVERDUE + "|" + taskId + "|" + overdue.what() + "|" + text(overdue.milestoneId())
                    + "|" + text(overdue.dueDate())
                    + (overdue.resumedAt() == null ? "" : "|" + overdue.resumedAt().toInstant()),
                    NoticeKind.TASK_OVERDUE, task.responsibleUnit(), facts, event);
        }
    }

    /** From rectification.feedback.v1: the reply deadlines (FeedbackReplyDueSoon, FeedbackReplyOverdue). */
    public void feedbackEvent(EventEnvelope event, EventData data) {
        if (!(data instanceof FeedbackEvent.ReplyDeadline deadline) || tooOld(event)) {
            return;
        }
        if (deadline.feedbackId() == null) {
            throw new IllegalArgumentException(event.type() + " has no feedbackId");
        }
        NoticeKind kind = deadline instanceof FeedbackEvent.FeedbackReplyOverdue
                ? NoticeKind.FEEDBACK_REPLY_OVERDUE : NoticeKind.FEEDBACK_REPLY_DUE_SOON;
        record(kind + "|" + deadline.feedbackId() + "|" + text(deadline.replyDueDate()), kind, null,
                NoticeFacts.replyDeadline(deadline, inspectionTitle(deadline.inspectionId()), receipt(deadline.feedbackId())),
                event);
    }

    /**
     * How the feedback came in, as the read model has it (the same consumer applied its snapshots before this
     * event), so the notice names it as the 待办 list does: the event has only its id and category, and a
     * UUID tells a handler nothing. Unknown while the feedback is not read here: the notice names its category alone.
     */
    private NoticeFacts.FeedbackReceipt receipt(UUID feedbackId) {
        NoticeFacts.FeedbackReceipt receipt = sql.one("SELECT " + FeedbackTitle.receiptColumns("f")
                        + " FROM rm_feedback f WHERE f.id = ?",
                row -> new NoticeFacts.FeedbackReceipt(row.getString(1), row.getObject(2, OffsetDateTime.class),
                        row.getObject(3, Boolean.class)), feedbackId);
        return receipt == null ? NoticeFacts.FeedbackReceipt.UNKNOWN : receipt;
    }

    /** The inspection's title as the read models hold it, so the notice says which one; null when not known here. */
    private String inspectionTitle(UUID inspectionId) {
        return inspectionId == null ? null
                : sql.one("SELECT title FROM rm_inspection WHERE id = ?", row -> row.getString(1), inspectionId);
    }

    private void record(String key, NoticeKind kind, String unit, NoticeFacts facts, EventEnvelope event) {
        if (kind.ofTheUnit() && (unit == null || unit.isBlank())) {
            return; // a task of no unit has no officers to tell
        }
        sql.update("""
                INSERT INTO notice_cause (cause_key, kind, audience_role, audience_unit, facts, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, now())
                ON CONFLICT (cause_key) DO NOTHING""",
                key, kind.name(), NoticeAudience.stored(kind.roles()), unit, EventContract.toJson(facts),
                event.time() != null ? event.time() : OffsetDateTime.now(clock));
    }

    /**
     * The task's notices not sent yet: its causes not fanned out are set aside as fanned out (kept, so the
     * same event read again records nothing), its mails and webhook calls still PENDING become DROPPED.
     * Those sent, failed or dead stay as they are: they tell what happened.
     */
    private void dropPending(UUID taskId) {
        String id = taskId.toString();
        sql.update("UPDATE notice_cause SET fanned_out_at = now() WHERE facts->>'id' = ? AND fanned_out_at IS NULL", id);
        for (String table : List.of("notice_mail", "notice_webhook")) {
            sql.update("UPDATE " + table + " SET state = 'DROPPED' WHERE state = 'PENDING'"
                    + " AND cause_key IN (SELECT cause_key FROM notice_cause WHERE facts->>'id' = ?)", id);
        }
    }

    private boolean tooOld(EventEnvelope event) {
        return event.time() != null && event.time().toInstant().isBefore(clock.instant().minus(config.maxEventAge()));
    }

    private static long version(EventEnvelope event, TasksEvent.TaskSnapshot task) {
        if (event.aggregateversion() != null) {
            return event.aggregateversion();
        }
        return task.version() != null ? task.version() : 0;
    }

    /**
     * The task's label in the plan (its area's and problem's numbers with its own) and its problem's
     * source, read from the read models the same consumer built, so the notice and the webhook's facts
     * carry them: a task of a problem not of the inspection's findings is named with its source.
     */
    private NoticeFacts.TaskName name(TasksEvent.TaskSnapshot task) {
        if (task.problemId() == null) {
            return NoticeFacts.TaskName.UNKNOWN;
        }
        NoticeFacts.TaskName name = sql.one("SELECT (SELECT number FROM rm_area WHERE id = ?), number, source,"
                        + " (SELECT title FROM rm_inspection WHERE id = ?) FROM rm_problem WHERE id = ?",
                row -> new NoticeFacts.TaskName(TaskLabel.of((Integer) row.getObject(1), (Integer) row.getObject(2),
                        task.number()), row.getString(3), row.getString(4)),
                task.areaId(), task.inspectionId(), task.problemId());
        return name == null ? NoticeFacts.TaskName.UNKNOWN : name; // the problem not read here yet
    }

    /** The title of the stage goal that is overdue (null for the task's own deadline). */
    private static String stageGoal(TasksEvent.TaskSnapshot task, UUID milestoneId) {
        if (milestoneId == null || task.milestones() == null) {
            return null;
        }
        return task.milestones().stream().filter(m -> milestoneId.equals(m.id())).map(TasksEvent.Milestone::title)
                .findFirst().orElse(null);
    }

    private static String text(Object value) {
        return value != null ? value.toString() : null;
    }
}
