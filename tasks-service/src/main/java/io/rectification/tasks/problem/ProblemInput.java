package io.rectification.tasks.problem;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A specific problem as the feedback words it. {@code source} is PLAN (the default: the inspection's
 * finding), SELF_FOUND or ANALOGY (举一反三, with {@code extendsProblemId}: the finding it extends) when
 * staff register it; look-back and public-feedback problems have their own paths.
 */
public record ProblemInput(@NotBlank @Size(max = 500) @NoContactDetails String title,
                           @Size(max = 20000) @NoContactDetails String description,
                           @Schema(description = "Where the problem came from; read only when registering it under an"
                                   + " area (POST /areas/{areaId}/problems), which takes PLAN (the default), SELF_FOUND or"
                                   + " ANALOGY and refuses LOOK_BACK and FEEDBACK. Rewording a problem (PUT /problems/{id})"
                                   + " ignores it, and a look-back review's newProblem is always LOOK_BACK.")
                           ProblemSource source,
                           @Schema(description = "The inspection finding (a PLAN problem of the same inspection) an ANALOGY"
                                   + " problem extends: required with source ANALOGY and refused with any other source when"
                                   + " registering under an area; ignored by PUT /problems/{id} and in a look-back review.")
                           UUID extendsProblemId) {

    public ProblemInput(String title, String description) {
        this(title, description, null, null);
    }
}
