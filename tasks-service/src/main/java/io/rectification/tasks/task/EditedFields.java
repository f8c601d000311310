package io.rectification.tasks.task;

import java.time.LocalDate;

/**
 * The fields of a task that PUT and PATCH {@code /tasks/{id}} edit, to tell an edit that changes
 * nothing: that is no change, so it publishes no event and leaves the version (the ETag) where it was,
 * as for an inspection, an area or a problem.
 */
record EditedFields(String title, String measures, String progressNarrative, String leadOfficial,
                    String responsiblePerson, String responsibleUnit, LocalDate deadline, TaskKind kind,
                    ReportingCadence reportingCadence, boolean requireIndicatorsMet) {

    static EditedFields of(RectificationTask task) {
        return new EditedFields(task.title, task.measures, task.progressNarrative, task.leadOfficial,
                task.responsiblePerson, task.responsibleUnit, task.deadline, task.kind, task.reportingCadence,
                task.requireIndicatorsMet);
    }
}
