package io.rectification.tasks.followup;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.LookBackSchedule;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * TaskLookBackDue when a closed-out task's next scheduled look-back review (回头看: 3, 6 and 12 months
 * after close-out) falls due: once per task and due date. A review held, or a new close-out after
 * reopening, moves the due date and so makes the next notice.
 */
@ApplicationScoped
public class LookBackDueCheck implements FollowUpCheck {

    static final String EVENT = "TaskLookBackDue";

    @Override
    public List<FollowUpNotice> dueAt(OffsetDateTime now) {
        List<FollowUpNotice> due = new ArrayList<>();
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "state = ?1 and lookBackDue <= ?2", TaskState.VERIFIED, now.toLocalDate())) {
            var dueDate = task.lookBackDue;
            int review = task.lookBackReviewsHeld + 1;
            int months = LookBackSchedule.monthsAfterCloseOut(task.lookBackReviewsHeld);
            var verifiedAt = task.verifiedAt;
            // keyed by the close-out too: a task reopened and closed out again starts a new schedule
            due.add(new FollowUpNotice(task, task.id + "|LOOKBACK|" + task.verifiedAt.toInstant() + "|" + task.lookBackDue,
                    EVENT, s -> new TasksEvent.TaskLookBackDue(s, dueDate, review, months, verifiedAt)));
        }
        return due;
    }
}
