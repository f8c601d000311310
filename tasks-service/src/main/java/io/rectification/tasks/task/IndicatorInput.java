package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * An indicator: baseline at inspection time, target as an absolute value or a percent change of
 * the baseline. A RELATIVE_PERCENT target may come without a baseline when only the change is
 * published ("同比下降45%"): its unit is then %, and each actual is the change itself, signed
 * (−45 is 下降45%). {@code actual}/{@code actualSource} record a first measured value at once (a
 * plan often states where things already stand).
 */
@Schema(description = "An indicator. A RELATIVE_PERCENT target without a baseline needs the unit %; an actual needs"
        + " its actualSource (not blank).")
public record IndicatorInput(
        @NotBlank @Size(max = 200) @NoContactDetails String name,
        @NotBlank @Size(max = 50) @NoContactDetails String unit,
        BigDecimal baseline,
        @NotNull TargetKind targetKind,
        @NotNull BigDecimal targetValue,
        @NotNull Direction direction,
        BigDecimal actual,
        @Size(max = 500) @NoContactDetails String actualSource) {

    /** Whether it records a first measured value at once, an IndicatorRecorded of the task's creation. */
    public boolean statesActual() {
        return actual != null;
    }
}
