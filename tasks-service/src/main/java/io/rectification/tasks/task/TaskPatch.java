package io.rectification.tasks.task;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** PATCH /tasks/{id}: only the fields present change (a JSON merge patch without removals). */
public record TaskPatch(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 500) String title,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 20000) String measures,
        @Size(max = 20000) String progressNarrative,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 100) String leadOfficial,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 100) String responsiblePerson,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 200) String responsibleUnit,
        LocalDate deadline,
        TaskKind kind,
        ReportingCadence reportingCadence,
        Boolean requireIndicatorsMet) {
}
