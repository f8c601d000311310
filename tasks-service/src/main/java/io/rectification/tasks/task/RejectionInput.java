package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a completion claim is sent back. */
public record RejectionInput(@NotBlank @Size(max = 2000) @NoContactDetails String reason) {
}
