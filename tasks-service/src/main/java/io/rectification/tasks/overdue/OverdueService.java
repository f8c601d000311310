package io.rectification.tasks.overdue;

import io.rectification.tasks.followup.FollowUpNotices;
import io.rectification.tasks.task.Milestone;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds tasks past their deadline and stage goals past their due date, not done, and publishes
 * TaskOverdue once per task and date (a moved deadline becomes overdue anew), at the task's next version.
 */
@ApplicationScoped
@Transactional
public class OverdueService {

    static final List<TaskState> CLOSED = List.of(TaskState.VERIFIED, TaskState.CONSOLIDATING);
    static final String EVENT = "TaskOverdue";

    private final FollowUpNotices notices;
    private final TaskEvents events;

    public OverdueService(FollowUpNotices notices, TaskEvents events) {
        this.notices = notices;
        this.events = events;
    }

    /** @return how many TaskOverdue events were appended */
    public int emitOverdue(LocalDate today) {
        int emitted = 0;
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "deadline < ?1 and state not in ?2", today, CLOSED)) {
            if (notices.claim(task.id + "|DEADLINE|" + task.deadline, task.id, EVENT)) {
                publish(task, task.deadline, "DEADLINE", null);
                emitted++;
            }
        }
        for (Milestone milestone : Milestone.<Milestone>list("dueDate < ?1 and achievedAt is null", today)) {
            RectificationTask task = RectificationTask.findById(milestone.taskId);
            if (!CLOSED.contains(task.state)
                    && notices.claim(task.id + "|MILESTONE|" + milestone.id + "|" + milestone.dueDate, task.id, EVENT)) {
                publish(task, milestone.dueDate, "MILESTONE", milestone.id);
                emitted++;
            }
        }
        return emitted;
    }

    private void publish(RectificationTask task, LocalDate dueDate, String what, UUID milestoneId) {
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("dueDate", dueDate);
        specific.put("what", what);
        specific.put("milestoneId", milestoneId);
        // Like every other task event it moves the version: the snapshot now says overdue, and a
        // consumer that keeps or orders snapshots by version must not take it for the previous one.
        events.publish(task, EVENT, specific);
    }
}
