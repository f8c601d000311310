package io.rectification.tasks.task;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.text.OptionalText;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The office's edit of a task's deadline (完成时限), PUT or PATCH. A later deadline (延期) gives the
 * unit more time and takes the task off the overdue lists, so it needs a reason, which the task keeps
 * (lastDeadlineChange), its event carries (TaskDeadlineChanged: the unit's officers are mailed) and
 * its audit trail records. An earlier one tightens the work and may come without: the unit is told
 * either way. A reason sent with an unchanged deadline changes nothing and is not kept.
 */
record DeadlineMove(LocalDate from, LocalDate to, String reason) {

    static final String FIELD = "deadlineChangeReason";
    static final String REASON_DESCRIPTION = "why the deadline moves (at most 2000 characters): required when it moves"
            + " later (延期), optional when earlier, not kept when the deadline stays; the unit's officers are told,"
            + " and the task keeps it as lastDeadlineChange";

    /** The move from {@code from} to {@code to}, or none when the deadline stays. */
    static Optional<DeadlineMove> of(LocalDate from, LocalDate to, String reason) {
        return to == null || to.equals(from) ? Optional.empty() : Optional.of(new DeadlineMove(from, to, OptionalText.of(reason)));
    }

    boolean later() {
        return from != null && to.isAfter(from);
    }

    /** The 400 of a later deadline without a reason; empty when the move may be made. */
    Optional<FieldError> refusal() {
        return later() && reason == null
                ? Optional.of(new FieldError(FIELD, "the deadline moves later (延期, " + from + " to " + to
                        + "): say why; the task's unit is told"))
                : Optional.empty();
    }
}
