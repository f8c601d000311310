package io.rectification.tasks.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What a coordinator sends to register an inspection. */
public record InspectionInput(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String team,
        @NotBlank @Size(max = 200) String inspectedOrganisation,
        @NotNull InspectionKind kind,
        @NotNull LocalDate onSiteFrom,
        @NotNull LocalDate onSiteTo,
        LocalDate feedbackDate) {
}
