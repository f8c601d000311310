package io.rectification.tasks.task;

import io.rectification.platform.error.ErrorBody.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadline of the rework a look-back review orders (再整改完成时限). Look-backs come 3 to 12 months
 * after the close-out, long past the task's deadline: a reopened task that kept it was overdue the moment
 * it was reopened, its unit mailed a date months gone. So a reopening names a new deadline, after the
 * review's day in the organisation's zone (a date of today would be overdue at the next midnight); a
 * confirmation sets none. What the review says is checked before the task is loaded, with its reason,
 * so every field's error comes in one answer.
 */
final class ReworkDeadline {

    static final String FIELD = "deadline";
    static final String DESCRIPTION = "the rework's deadline (再整改完成时限): required when the outcome is REOPENED, a date"
            + " after today in the organisation's zone (Asia/Shanghai); the task's deadline becomes it (lastDeadlineChange,"
            + " with the findings as its reason). Not given for CONFIRMED.";

    private ReworkDeadline() {
    }

    /** The 400's field errors of a review's {@code reason} and {@code deadline} on {@code today}; empty when it may be held. */
    static List<FieldError> refusals(LookBackInput input, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        boolean reopen = input.outcome() == ReviewOutcome.REOPENED;
        if (reopen && input.findings() == null) {
            errors.add(new FieldError("reason", "say why the task is reopened"));
        }
        LocalDate deadline = input.deadline();
        if (reopen && deadline == null) {
            errors.add(new FieldError(FIELD, "give the rework's deadline (再整改完成时限), a date after today (" + today + ")"));
        } else if (reopen && !deadline.isAfter(today)) {
            errors.add(new FieldError(FIELD, "must be after today (" + today + "): the rework's deadline (再整改完成时限)"
                    + " would leave the reopened task overdue"));
        } else if (!reopen && deadline != null) {
            errors.add(new FieldError(FIELD, "only a reopening (REOPENED) sets a deadline; a confirmed close-out keeps its own"));
        }
        return errors;
    }
}
