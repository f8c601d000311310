package io.rectification.tasks.task;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The filters of the task list; null means "any". {@code lookBackDueBy}: closed-out tasks whose scheduled
 * look-back review is due by that date; {@code includeCancelled}: the tasks the office cancelled (撤销) too,
 * which the list leaves out otherwise.
 */
public record TaskFilter(UUID inspectionId, UUID areaId, UUID problemId, TaskState state, TaskKind kind,
                         String responsibleUnit, String leadOfficial, Boolean overdue,
                         LocalDate lookBackDueBy, boolean includeCancelled) {
}
