package io.rectification.tasks.task;

import java.util.UUID;

/** The filters of the task list; null means "any". */
public record TaskFilter(UUID inspectionId, UUID areaId, UUID problemId, TaskState state, TaskKind kind,
                         String responsibleUnit, String leadOfficial, Boolean overdue) {
}
