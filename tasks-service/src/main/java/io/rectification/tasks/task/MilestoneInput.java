package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A stage goal (阶段性目标) and when it is due. */
@Schema(description = "A stage goal: its dueDate must not be before the inspection's on-site start (onSiteFrom).")
public record MilestoneInput(@NotBlank @Size(max = 500) @NoContactDetails String title, @NotNull LocalDate dueDate) {
}
