package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * 申请延期: the later deadline asked for and why. The reason is at most 1000 characters, so that the
 * move it becomes once approved ("（经申请）reason（审批意见：note）") stays within a deadline change
 * reason's 2000.
 */
@Schema(description = "A deadline extension request (申请延期): requestedDeadline after the task's current deadline and"
        + " not before today (Asia/Shanghai); reason required, at most 1000 characters")
public record DeadlineExtensionInput(@NotNull LocalDate requestedDeadline, @NotBlank @Size(max = 1000) @NoContactDetails String reason) {
}
