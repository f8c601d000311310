package io.rectification.tasks.work;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.task.LifecycleRule;
import io.rectification.tasks.task.MilestoneInput;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskGuard;
import io.rectification.tasks.task.TaskRules;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 阶段性目标: a task's stage goals, each with its due date, and their achievement. */
@ApplicationScoped
@Transactional
public class Milestones {

    private final TaskGuard guard;
    private final TaskEvents events;
    private final Clock clock;
    private final InstantText instants;

    public Milestones(TaskGuard guard, TaskEvents events, Clock clock, InstantText instants) {
        this.guard = guard;
        this.events = events;
        this.clock = clock;
        this.instants = instants;
    }

    public TaskSnapshot add(UUID taskId, Long expectedVersion, MilestoneInput input) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        Inspection inspection = Inspection.findById(task.inspectionId);
        List<FieldError> errors = TaskRules.checkDeadline(input.dueDate(), inspection.onSiteFrom, "dueDate");
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        create(task, input, (int) Milestone.count("taskId", task.id));
        return events.publish(task, TasksEvent.TaskUpdated::new);
    }

    public TaskSnapshot achieve(UUID taskId, UUID milestoneId, Long expectedVersion) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        Milestone milestone = Milestone.<Milestone>find("id = ?1 and taskId = ?2", milestoneId, taskId)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("milestone", milestoneId));
        if (milestone.achievedAt != null) {
            throw ApiException.conflict("milestone " + milestoneId + " was already achieved at " + instants.format(milestone.achievedAt));
        }
        milestone.achievedAt = OffsetDateTime.now(clock);
        return events.publish(task, s -> new TasksEvent.MilestoneAchieved(s, milestone.id));
    }

    static Milestone create(RectificationTask task, MilestoneInput input, int position) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.taskId = task.id;
        milestone.position = position;
        milestone.title = input.title().strip();
        milestone.dueDate = input.dueDate();
        milestone.persist();
        return milestone;
    }
}
