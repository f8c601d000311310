package io.rectification.tasks.area;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An area of the feedback as the inspection team worded it. */
public record AreaInput(@NotBlank @Size(max = 500) @NoContactDetails String title) {
}
