package io.rectification.tasks.work;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A measured value of an indicator and its source (statistics office, ledger…). */
public record IndicatorValueInput(@NotNull BigDecimal value, @NotBlank @Size(max = 500) @NoContactDetails String source) {
}
