package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A rectification task as the task breakdown table (任务分解表) states it. */
@Schema(description = "A task as the breakdown table states it. Rules beyond each field's own: the deadline and every"
        + " milestone's dueDate must not be before the inspection's on-site start (onSiteFrom); a LONG_TERM task needs"
        + " at least one stage goal (milestones); each indicator follows IndicatorInput's rules.")
public record TaskInput(
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
        @Size(max = 50) List<@NotNull @Valid IndicatorInput> indicators,
        @Size(max = 50) List<@NotNull @Valid MilestoneInput> milestones) {

    /** The same task under another title (an import removing the clerk's numbering from it). */
    public TaskInput withTitle(String otherTitle) {
        return new TaskInput(otherTitle, measures, progressNarrative, leadOfficial, responsiblePerson, responsibleUnit,
                deadline, kind, reportingCadence, requireIndicatorsMet, indicators, milestones);
    }

    public List<IndicatorInput> indicatorsOrEmpty() {
        return indicators == null ? List.of() : indicators;
    }

    public List<MilestoneInput> milestonesOrEmpty() {
        return milestones == null ? List.of() : milestones;
    }
}
