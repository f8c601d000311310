package io.rectification.tasks.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A stage goal (阶段性目标) and when it is due. */
public record MilestoneInput(@NotBlank @Size(max = 500) String title, @NotNull LocalDate dueDate) {
}
