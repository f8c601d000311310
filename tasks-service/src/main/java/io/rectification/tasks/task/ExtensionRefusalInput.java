package io.rectification.tasks.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the office refuses a deadline extension request: the unit is mailed it. */
public record ExtensionRefusalInput(@NotBlank @Size(max = 2000) String reason) {
}
