package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.text.BlankText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** PATCH /tasks/{id}: only the fields present change (a JSON merge patch without removals). */
@Schema(description = "Only the fields present change; null or absent leaves a field as it is. The resulting deadline"
        + " must not be before the inspection's on-site start (onSiteFrom); a deadline moved later (延期) needs"
        + " deadlineChangeReason; kind LONG_TERM needs the task to have at least one stage goal (milestone) already;"
        + " a kind the task's state does not allow is a conflict (409).")
public record TaskPatch(
        @Schema(pattern = NOT_BLANK) @Pattern(regexp = NOT_BLANK_VALUE, message = "must not be blank") @Size(max = 500) @NoContactDetails String title,
        @Schema(pattern = NOT_BLANK) @Pattern(regexp = NOT_BLANK_VALUE, message = "must not be blank") @Size(max = 20000) @NoContactDetails String measures,
        @Size(max = 20000) @NoContactDetails String progressNarrative,
        @Schema(pattern = NOT_BLANK) @Pattern(regexp = NOT_BLANK_VALUE, message = "must not be blank") @Size(max = 100) @NoContactDetails String leadOfficial,
        @Schema(pattern = NOT_BLANK) @Pattern(regexp = NOT_BLANK_VALUE, message = "must not be blank") @Size(max = 100) @NoContactDetails String responsiblePerson,
        @Schema(pattern = NOT_BLANK) @Pattern(regexp = NOT_BLANK_VALUE, message = "must not be blank") @Size(max = 200) @NoContactDetails String responsibleUnit,
        LocalDate deadline,
        TaskKind kind,
        ReportingCadence reportingCadence,
        Boolean requireIndicatorsMet,
        @Schema(description = DeadlineMove.REASON_DESCRIPTION) @Size(max = 2000) @NoContactDetails String deadlineChangeReason) {

    /**
     * Not blank when given, blank as the platform says it ({@link BlankText}: every kind of space, zero-width
     * characters too), as bean validation checks it: the whole value matched, line breaks included.
     */
    static final String NOT_BLANK_VALUE = BlankText.VALUE_PATTERN;
    /**
     * The same, as the OpenAPI document says it: a JSON Schema pattern matches anywhere in the value,
     * and {@code (?s)}, which bean validation's whole-value match needs, is no ECMA 262 syntax.
     */
    static final String NOT_BLANK = BlankText.SCHEMA_PATTERN;
}
