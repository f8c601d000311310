package io.rectification.tasks.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A specific problem as the feedback words it. {@code source} is PLAN (the default: the inspection's
 * finding), SELF_FOUND or ANALOGY (举一反三, with {@code extendsProblemId}: the finding it extends) when
 * staff register it; look-back and public-feedback problems have their own paths.
 */
public record ProblemInput(@NotBlank @Size(max = 500) String title, @Size(max = 20000) String description,
                           ProblemSource source, UUID extendsProblemId) {

    public ProblemInput(String title, String description) {
        this(title, description, null, null);
    }
}
