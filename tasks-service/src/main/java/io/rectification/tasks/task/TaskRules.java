package io.rectification.tasks.task;

import io.rectification.platform.error.ErrorBody.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a task's plan must meet beyond its fields' own constraints, reported all at once with
 * the location of each ({@code prefix} places them in a larger document such as a plan import).
 */
public final class TaskRules {

    private TaskRules() {
    }

    public static List<FieldError> check(TaskInput task, LocalDate onSiteFrom, String prefix) {
        List<FieldError> errors = new ArrayList<>(checkDeadline(task.deadline(), onSiteFrom, prefix + "deadline"));
        if (task.kind() == TaskKind.LONG_TERM && task.milestonesOrEmpty().isEmpty()) {
            errors.add(new FieldError(prefix + "milestones", "a LONG_TERM task needs at least one stage goal"));
        }
        for (int i = 0; i < task.milestonesOrEmpty().size(); i++) {
            errors.addAll(checkDeadline(task.milestonesOrEmpty().get(i).dueDate(), onSiteFrom,
                    prefix + "milestones[" + i + "].dueDate"));
        }
        for (int i = 0; i < task.indicatorsOrEmpty().size(); i++) {
            errors.addAll(checkIndicator(task.indicatorsOrEmpty().get(i), prefix + "indicators[" + i + "]."));
        }
        return errors;
    }

    /** A task cannot be due before the inspection that found its problem began. */
    public static List<FieldError> checkDeadline(LocalDate date, LocalDate onSiteFrom, String field) {
        if (date != null && date.isBefore(onSiteFrom)) {
            return List.of(new FieldError(field, "must not be before the inspection's on-site start (" + onSiteFrom + ")"));
        }
        return List.of();
    }

    public static List<FieldError> checkIndicator(IndicatorInput indicator, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (indicator.targetKind() == TargetKind.RELATIVE_PERCENT && indicator.baseline() == null
                && indicator.unit() != null && !"%".equals(indicator.unit().strip())) {
            errors.add(new FieldError(prefix + "unit", "a RELATIVE_PERCENT target without a baseline records the change"
                    + " itself, in %: the unit is %, or give the baseline"));
        }
        if (indicator.actual() != null && (indicator.actualSource() == null || indicator.actualSource().isBlank())) {
            errors.add(new FieldError(prefix + "actualSource", "say where the actual value comes from"));
        }
        return errors;
    }
}
