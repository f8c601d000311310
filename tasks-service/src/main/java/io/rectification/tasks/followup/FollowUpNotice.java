package io.rectification.tasks.followup;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.RectificationTask;

import java.util.UUID;
import java.util.function.Function;

/**
 * A follow-up a task is due: the event to publish about it and the key that makes it go out once
 * (per task and date, period or due date).
 */
public record FollowUpNotice(RectificationTask task, String key, String eventType,
                             Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event) {

    /**
     * The notice by its task's id: it outlives the check's transaction and is published in another,
     * which loads the task again (the entity found by the check is detached by then).
     */
    public record Due(UUID taskId, String key, String eventType,
                      Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event) {
    }

    Due due() {
        return new Due(task.id, key, eventType, event);
    }
}
