package io.rectification.tasks.followup;

import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.LookBackSchedule;
import io.rectification.tasks.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes TaskLookBackDue when a closed-out task's next scheduled look-back review (回头看: 3, 6 and
 * 12 months after close-out) falls due: once per task and due date. A review held, or a new
 * close-out after reopening, moves the due date and so makes the next notice.
 */
@ApplicationScoped
@Transactional
public class LookBackDueService {

    static final String EVENT = "TaskLookBackDue";

    private final FollowUpNotices notices;
    private final TaskEvents events;

    public LookBackDueService(FollowUpNotices notices, TaskEvents events) {
        this.notices = notices;
        this.events = events;
    }

    /** @return how many events were appended */
    public int emitLookBacksDue(LocalDate today) {
        int emitted = 0;
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "state = ?1 and lookBackDue <= ?2", TaskState.VERIFIED, today)) {
            LocalDate due = task.lookBackDue;
            // keyed by the close-out too: a task reopened and closed out again starts a new schedule
            if (notices.claim(task.id + "|LOOKBACK|" + task.verifiedAt.toInstant() + "|" + due, task.id, EVENT)) {
                Map<String, Object> specific = new LinkedHashMap<>();
                specific.put("dueDate", due);
                specific.put("review", task.lookBackReviewsHeld + 1);
                specific.put("monthsAfterCloseOut", LookBackSchedule.monthsAfterCloseOut(task.lookBackReviewsHeld));
                specific.put("verifiedAt", task.verifiedAt);
                events.publish(task, EVENT, specific);
                emitted++;
            }
        }
        return emitted;
    }
}
