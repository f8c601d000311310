package io.rectification.tasks.work;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.tasks.task.ReportingCadence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A progress report for a period; the reporter is the acting person. */
@Schema(description = "A progress report for one period of its cadence: periodStart no later than today (Asia/Shanghai), "
        + "periodEnd not before periodStart, at most 1 (DAILY), 7 (WEEKLY) or 31 (MONTHLY) days.")
public record ProgressReportInput(@NotNull ReportingCadence cadence, @NotNull LocalDate periodStart,
                                  @NotNull LocalDate periodEnd, @NotBlank @Size(max = 20000) @NoContactDetails String text,
                                  @NotNull @Min(0) @Max(100) Integer percentComplete) {
}
