package io.rectification.tasks.followup;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.Overdue;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.work.Milestone;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * TaskOverdue: tasks past their deadline and stage goals past their due date, by {@link Overdue}'s rule
 * (neither claimed nor closed); once per task, date and episode: a moved deadline becomes overdue anew,
 * and so does a task whose claim was rejected or withdrawn after the date had passed
 * ({@link Overdue#episode}), since the claim had stopped its clock.
 */
@ApplicationScoped
public class OverdueCheck implements FollowUpCheck {

    static final String EVENT = "TaskOverdue";

    private final Clock clock;

    public OverdueCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<FollowUpNotice> dueAt(OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
        List<FollowUpNotice> due = new ArrayList<>();
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "from RectificationTask t where " + Overdue.where("t"), Overdue.on(today))) {
            due.add(notice(task, task.id + "|DEADLINE|" + task.deadline, task.deadline, "DEADLINE", null));
        }
        // each stage goal with its task in one query, not a query per task: a run may find thousands
        var query = RectificationTask.getEntityManager().createQuery(
                "select m, t from Milestone m, RectificationTask t where t.id = m.taskId and "
                        + Overdue.goalWhere("m", "t"), Object[].class);
        Overdue.goalsOn(today).map().forEach(query::setParameter);
        List<Object[]> late = query.getResultList();
        for (Object[] row : late) {
            Milestone milestone = (Milestone) row[0];
            RectificationTask task = (RectificationTask) row[1];
            due.add(notice(task, task.id + "|MILESTONE|" + milestone.id + "|" + milestone.dueDate,
                    milestone.dueDate, "MILESTONE", milestone.id));
        }
        return due;
    }

    /** {@code key} names the task and due date; a later episode of the same date adds when it began. */
    private FollowUpNotice notice(RectificationTask task, String key, LocalDate dueDate, String what,
                                  UUID milestoneId) {
        OffsetDateTime episode = Overdue.episode(task, dueDate, clock.getZone());
        if (episode != null) {
            key += "|BACK|" + episode.toInstant();
        }
        return new FollowUpNotice(task, key, EVENT,
                s -> new TasksEvent.TaskOverdue(s, dueDate, what, milestoneId, episode));
    }
}
