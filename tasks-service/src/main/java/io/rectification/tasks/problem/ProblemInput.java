package io.rectification.tasks.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A specific problem as the feedback words it. */
public record ProblemInput(@NotBlank @Size(max = 500) String title, @Size(max = 20000) String description) {
}
