package io.rectification.tasks.followup;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.RectificationTask;

import java.util.function.Function;

/**
 * A follow-up a task is due: the event to publish about it and the key that makes it go out once
 * (per task and date, period or due date).
 */
public record FollowUpNotice(RectificationTask task, String key, String eventType,
                             Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event) {
}
