package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.problem.ProblemInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A look-back review (回头看): CONFIRMED, or REOPENED with a reason (再整改) and the rework's deadline;
 * either may register a new problem found while reviewing (再深挖) in the task's area.
 */
@Schema(description = "A look-back review: outcome REOPENED needs a reason (not blank) and the rework's deadline (a"
        + " date after today in the organisation's zone); CONFIRMED may give a reason as the reviewers' findings, and no"
        + " deadline. newProblem registers a problem of source LOOK_BACK in the task's area.")
public record LookBackInput(@NotNull ReviewOutcome outcome, @Size(max = 2000) @NoContactDetails String reason,
                            @Schema(description = ReworkDeadline.DESCRIPTION) LocalDate deadline,
                            @Valid ProblemInput newProblem) {

    /** The reviewers' findings as stored: stripped, null when blank. */
    String findings() {
        return OptionalText.of(reason);
    }
}
