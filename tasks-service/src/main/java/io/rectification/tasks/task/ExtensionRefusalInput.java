package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the office refuses a deadline extension request: the unit is mailed it. */
public record ExtensionRefusalInput(@NotBlank @Size(max = 2000) @NoContactDetails String reason) {
}
