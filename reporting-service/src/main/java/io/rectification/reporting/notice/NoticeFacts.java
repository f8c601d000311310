package io.rectification.reporting.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a notice says, recorded with its cause ({@code notice_cause.facts}) and sent as a webhook's
 * {@code facts}: a task's id, plan label, its problem's source, title, unit, deadline and claimant,
 * with the reason and the supervisor of a rejection or of a reopening, or what is overdue (TASK or MILESTONE), since when, and
 * the stage goal, or a deadline's move (the date it replaced, the reason, who moved it), or a refused
 * deadline extension request (the date asked for, the office's reason, the coordinator as {@code rejectedBy}), or a close-out
 * (the state it went to, VERIFIED or CONSOLIDATING, as {@code what}; the verifier; their note as
 * {@code reason}); with the inspection's title (a task's, or the inspection a feedback came in for), so
 * that an officer of tasks in two inspections knows which one;
 * or a feedback's reply deadline, by the feedback's id and what names it to staff as the 待办 list does
 * ({@link io.rectification.reporting.todo.FeedbackTitle}): its category, channel, when it was received and
 * whether that time was given. Named members only, never a snapshot: nothing of who sent a feedback or what
 * they wrote, nor its tracking code. Members a kind does not carry are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeFacts(UUID id, UUID inspectionId, Integer number, String label, String taskSource, String title,
                          String responsibleUnit, LocalDate deadline, String claimedBy,
                          String reason, String rejectedBy,
                          String what, LocalDate dueDate, String stageGoal,
                          UUID feedbackId, UUID publicationId, String category, LocalDate replyDueDate,
                          Integer daysOverdue, String reopenedBy, LocalDate previousDeadline, String changedBy,
                          String verifiedBy, String inspection, LocalDate requestedDeadline,
                          String channel, OffsetDateTime receivedAt, Boolean receivedTimeGiven) {

    /**
     * The facts of a task's notice but a refused deadline extension request's, which alone has
     * {@code requestedDeadline}; none has how a feedback came in.
     */
    NoticeFacts(UUID id, UUID inspectionId, Integer number, String label, String taskSource, String title,
                String responsibleUnit, LocalDate deadline, String claimedBy, String reason, String rejectedBy,
                String what, LocalDate dueDate, String stageGoal, UUID feedbackId, UUID publicationId, String category,
                LocalDate replyDueDate, Integer daysOverdue, String reopenedBy, LocalDate previousDeadline, String changedBy,
                String verifiedBy, String inspection) {
        this(id, inspectionId, number, label, taskSource, title, responsibleUnit, deadline, claimedBy, reason, rejectedBy,
                what, dueDate, stageGoal, feedbackId, publicationId, category, replyDueDate, daysOverdue, reopenedBy,
                previousDeadline, changedBy, verifiedBy, inspection, null, null, null, null);
    }

    /**
     * The office refused the unit's deadline extension request (DEADLINE_EXTENSION_REFUSED): the date asked
     * for and why not; the deadline stays the snapshot's.
     */
    static NoticeFacts extensionRefusal(TasksEvent.TaskSnapshot task, TaskName name, LocalDate requestedDeadline,
                                        String reason, String refusedBy) {
        return new NoticeFacts(task.id(), task.inspectionId(), task.number(), name.label(), name.source(), task.title(),
                task.responsibleUnit(), task.deadline(), task.claimedBy(), reason, refusedBy, null, null, null, null, null, null,
                null, null, null, null, null, null, name.inspection(), requestedDeadline, null, null, null);
    }

    /**
     * How the notice names the task ({@link TaskReference}): its numbering in the plan
     * ({@link io.rectification.reporting.support.TaskLabel}) and its problem's source, as the read models
     * know them when the cause is recorded; each null when not known.
     */
    record TaskName(String label, String source, String inspection) {
        static final TaskName UNKNOWN = new TaskName(null, null, null);
    }

    /** A completion claimed (CLAIM_TO_VERIFY). */
    static NoticeFacts claim(TasksEvent.TaskSnapshot task, TaskName name) {
        return task(task, name, null, null, null, null, null);
    }

    /** A claim rejected (COMPLETION_REJECTED): why, and the supervisor's username. */
    static NoticeFacts rejection(TasksEvent.TaskSnapshot task, TaskName name, String reason, String rejectedBy) {
        return task(task, name, reason, rejectedBy, null, null, null);
    }

    /**
     * A close-out reopened by a look-back review (TASK_REOPENED): why, the supervisor's username, and the
     * deadline the rework's replaced (null when the review kept it, and for reopenings before the rework had
     * one of its own); the facts' {@code deadline} is the rework's.
     */
    static NoticeFacts reopening(TasksEvent.TaskSnapshot task, TaskName name, String reason, String reopenedBy,
                                 LocalDate previousDeadline) {
        return new NoticeFacts(task.id(), task.inspectionId(), task.number(), name.label(), name.source(), task.title(),
                task.responsibleUnit(), task.deadline(), task.claimedBy(), reason, null, null, null, null, null, null, null, null, null,
                reopenedBy, previousDeadline, null, null, name.inspection());
    }

    /** The office moved the deadline (DEADLINE_CHANGED): the date it replaced, why (may be null), the coordinator's username. */
    static NoticeFacts deadlineMove(TasksEvent.TaskSnapshot task, TaskName name, LocalDate previousDeadline, String reason,
                                    String changedBy) {
        return new NoticeFacts(task.id(), task.inspectionId(), task.number(), name.label(), name.source(), task.title(),
                task.responsibleUnit(), task.deadline(), task.claimedBy(), reason, null, null, null, null, null, null, null, null, null,
                null, previousDeadline, changedBy, null, name.inspection());
    }

    /** A claim verified (TASK_CLOSED_OUT): closed out or into consolidation, the verifier's note and username. */
    static NoticeFacts closeOut(TasksEvent.TaskSnapshot task, TaskName name) {
        TasksEvent.Note note = task.verificationNote();
        return new NoticeFacts(task.id(), task.inspectionId(), task.number(), name.label(), name.source(), task.title(),
                task.responsibleUnit(), task.deadline(), task.claimedBy(), note == null ? null : note.text(), null,
                task.state(), null, null, null, null, null, null, null, null, null, null,
                note == null ? null : note.by(), name.inspection());
    }

    /** A task's deadline or a stage goal's due date passed (TASK_OVERDUE); the goal's title for a stage goal. */
    static NoticeFacts overdue(TasksEvent.TaskSnapshot task, TaskName name, String what, LocalDate dueDate, String stageGoal) {
        return task(task, name, null, null, what, dueDate, stageGoal);
    }

    /**
     * How a feedback came in, as reporting's read model has it from the feedback events' snapshot
     * ({@code rm_feedback}): its channel, when it was received, and whether staff gave that time
     * ({@code receivedTimeGiven}, null from events before catalogue 1.3.0). Each null while the feedback is
     * not read here.
     */
    record FeedbackReceipt(String channel, OffsetDateTime receivedAt, Boolean receivedTimeGiven) {
        static final FeedbackReceipt UNKNOWN = new FeedbackReceipt(null, null, null);
    }

    /**
     * A feedback's reply deadline near or past (FEEDBACK_REPLY_DUE_SOON, FEEDBACK_REPLY_OVERDUE), with the
     * title of the inspection it came in for (null when not known) and how it came in, by which the notice
     * names it (the event carries only its id and category).
     */
    static NoticeFacts replyDeadline(FeedbackEvent.ReplyDeadline deadline, String inspection, FeedbackReceipt receipt) {
        return new NoticeFacts(null, deadline.inspectionId(), null, null, null, null, null, null, null, null, null, null,
                null, null, deadline.feedbackId(), deadline.publicationId(), deadline.category(),
                deadline.replyDueDate(), deadline.daysOverdue(), null, null, null, null, inspection, null,
                receipt.channel(), receipt.receivedAt(), receipt.receivedTimeGiven());
    }

    private static NoticeFacts task(TasksEvent.TaskSnapshot task, TaskName name, String reason, String rejectedBy,
                                    String what, LocalDate dueDate, String stageGoal) {
        return new NoticeFacts(task.id(), task.inspectionId(), task.number(), name.label(), name.source(), task.title(),
                task.responsibleUnit(), task.deadline(), task.claimedBy(), reason, rejectedBy, what, dueDate, stageGoal,
                null, null, null, null, null, null, null, null, null, name.inspection());
    }
}
