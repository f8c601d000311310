package io.rectification.tasks.followup;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.Overdue;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskLifecycle;
import io.rectification.tasks.work.Milestone;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * TaskOverdue: tasks past their deadline and stage goals past their due date, not closed; once per
 * task and date (a moved deadline becomes overdue anew).
 */
@ApplicationScoped
public class OverdueCheck implements FollowUpCheck {

    static final String EVENT = "TaskOverdue";

    @Override
    public List<FollowUpNotice> dueAt(OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
        List<FollowUpNotice> due = new ArrayList<>();
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "from RectificationTask t where " + Overdue.where("t"), Overdue.on(today))) {
            due.add(notice(task, task.id + "|DEADLINE|" + task.deadline, task.deadline, "DEADLINE", null));
        }
        // each stage goal with its task in one query, not a query per task: a run may find thousands
        List<Object[]> late = RectificationTask.getEntityManager().createQuery("""
                        select m, t from Milestone m, RectificationTask t
                        where t.id = m.taskId and m.dueDate < ?1 and m.achievedAt is null and t.state not in ?2""",
                        Object[].class)
                .setParameter(1, today).setParameter(2, TaskLifecycle.CLOSED).getResultList();
        for (Object[] row : late) {
            Milestone milestone = (Milestone) row[0];
            RectificationTask task = (RectificationTask) row[1];
            due.add(notice(task, task.id + "|MILESTONE|" + milestone.id + "|" + milestone.dueDate,
                    milestone.dueDate, "MILESTONE", milestone.id));
        }
        return due;
    }

    private static FollowUpNotice notice(RectificationTask task, String key, LocalDate dueDate, String what,
                                         UUID milestoneId) {
        return new FollowUpNotice(task, key, EVENT, s -> new TasksEvent.TaskOverdue(s, dueDate, what, milestoneId));
    }
}
