package io.rectification.tasks.followup;

import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskSnapshots;
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
                "state = ?1 and verifiedAt is not null", TaskState.VERIFIED)) {
            LocalDate due = TaskSnapshots.nextLookBackDue(task);
            // keyed by the close-out too: a task reopened and closed out again starts a new schedule
            if (due != null && !due.isAfter(today)
                    && notices.claim(task.id + "|LOOKBACK|" + task.verifiedAt.toInstant() + "|" + due, task.id, EVENT)) {
                int months = TaskSnapshots.LOOK_BACK_MONTHS.stream()
                        .filter(m -> task.verifiedAt.toLocalDate().plusMonths(m).equals(due)).findFirst().orElseThrow();
                Map<String, Object> specific = new LinkedHashMap<>();
                specific.put("dueDate", due);
                specific.put("review", TaskSnapshots.LOOK_BACK_MONTHS.indexOf(months) + 1);
                specific.put("monthsAfterCloseOut", months);
                specific.put("verifiedAt", task.verifiedAt);
                events.publish(task, EVENT, specific);
                emitted++;
            }
        }
        return emitted;
    }
}
