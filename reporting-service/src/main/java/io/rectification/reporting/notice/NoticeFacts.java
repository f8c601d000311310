package io.rectification.reporting.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a notice says, recorded with its cause ({@code notice_cause.facts}) and sent as a webhook's
 * {@code facts}: a task's id, plan label, title, unit, deadline and claimant, with the reason and the
 * supervisor of a rejection, or what is overdue (TASK or MILESTONE), since when, and the stage goal;
 * or a feedback's reply deadline, by the feedback's id and category. Named members only, never a
 * snapshot: nothing of who sent a feedback or what they wrote. Members a kind does not carry are
 * left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeFacts(UUID id, UUID inspectionId, Integer number, String label, String title,
                          String responsibleUnit, LocalDate deadline, String claimedBy,
                          String reason, String rejectedBy,
                          String what, LocalDate dueDate, String stageGoal,
                          UUID feedbackId, UUID publicationId, String category, LocalDate replyDueDate,
                          Integer daysOverdue) {

    /** A completion claimed (CLAIM_TO_VERIFY). */
    static NoticeFacts claim(TasksEvent.TaskSnapshot task, String label) {
        return task(task, label, null, null, null, null, null);
    }

    /** A claim rejected (COMPLETION_REJECTED): why, and the supervisor's username. */
    static NoticeFacts rejection(TasksEvent.TaskSnapshot task, String label, String reason, String rejectedBy) {
        return task(task, label, reason, rejectedBy, null, null, null);
    }

    /** A task's deadline or a stage goal's due date passed (TASK_OVERDUE); the goal's title for a stage goal. */
    static NoticeFacts overdue(TasksEvent.TaskSnapshot task, String label, String what, LocalDate dueDate, String stageGoal) {
        return task(task, label, null, null, what, dueDate, stageGoal);
    }

    /** A feedback's reply deadline near or past (FEEDBACK_REPLY_DUE_SOON, FEEDBACK_REPLY_OVERDUE). */
    static NoticeFacts replyDeadline(FeedbackEvent.ReplyDeadline deadline) {
        return new NoticeFacts(null, deadline.inspectionId(), null, null, null, null, null, null, null, null, null,
                null, null, deadline.feedbackId(), deadline.publicationId(), deadline.category(),
                deadline.replyDueDate(), deadline.daysOverdue());
    }

    private static NoticeFacts task(TasksEvent.TaskSnapshot task, String label, String reason, String rejectedBy,
                                    String what, LocalDate dueDate, String stageGoal) {
        return new NoticeFacts(task.id(), task.inspectionId(), task.number(), label, task.title(), task.responsibleUnit(),
                task.deadline(), task.claimedBy(), reason, rejectedBy, what, dueDate, stageGoal, null, null, null, null, null);
    }
}
