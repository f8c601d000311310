package io.rectification.tasks.inspection;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * What a coordinator sends to register an inspection. The declared totals are what the plan itself
 * says (the notice: 5个方面46项具体问题,细化为64项整改任务), which may exceed what the ledger lists;
 * the public report checks its figures against them.
 */
@Schema(description = "An inspection. onSiteTo and feedbackDate must not be before onSiteFrom; when replacing one,"
        + " onSiteFrom must not move past the deadline of any of its tasks.")
public record InspectionInput(
        @NotBlank @Size(max = 200) @NoContactDetails String title,
        @NotBlank @Size(max = 200) @NoContactDetails String team,
        @NotBlank @Size(max = 200) @NoContactDetails String inspectedOrganisation,
        @NotNull InspectionKind kind,
        @NotNull LocalDate onSiteFrom,
        @NotNull LocalDate onSiteTo,
        LocalDate feedbackDate,
        @Min(1) @Max(10_000) Integer declaredAreas,
        @Min(1) @Max(10_000) Integer declaredProblems,
        @Min(1) @Max(10_000) Integer declaredTasks) {

    /** An inspection whose plan declares no totals of its own. */
    public InspectionInput(String title, String team, String inspectedOrganisation, InspectionKind kind,
                           LocalDate onSiteFrom, LocalDate onSiteTo, LocalDate feedbackDate) {
        this(title, team, inspectedOrganisation, kind, onSiteFrom, onSiteTo, feedbackDate, null, null, null);
    }
}
