package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** PUT /tasks/{id}: every editable field of a task (indicators and milestones have their own resources). */
@Schema(description = "Every editable field of a task. The deadline must not be before the inspection's on-site start"
        + " (onSiteFrom); a deadline moved later (延期) needs deadlineChangeReason; kind LONG_TERM needs the task to have at least one stage goal (milestone) already; a kind"
        + " the task's state does not allow is a conflict (409).")
public record TaskUpdate(
        @NotBlank @Size(max = 500) @NoContactDetails String title,
        @NotBlank @Size(max = 20000) @NoContactDetails String measures,
        @Size(max = 20000) @NoContactDetails String progressNarrative,
        @NotBlank @Size(max = 100) @NoContactDetails String leadOfficial,
        @NotBlank @Size(max = 100) @NoContactDetails String responsiblePerson,
        @NotBlank @Size(max = 200) @NoContactDetails String responsibleUnit,
        @NotNull LocalDate deadline,
        @NotNull TaskKind kind,
        ReportingCadence reportingCadence,
        Boolean requireIndicatorsMet,
        @Schema(description = DeadlineMove.REASON_DESCRIPTION) @Size(max = 2000) @NoContactDetails String deadlineChangeReason) {
}
