package io.rectification.tasks.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deadline extension request (延期申请) as the API shows it, with the task after it when it was just
 * made or decided ({@code task} is absent in the list of a task's requests).
 */
@Schema(requiredProperties = {"id", "taskId", "requestedDeadline", "deadlineAtRequest", "reason", "requestedBy",
        "requestedAt", "status"})
public record DeadlineExtensionView(UUID id, UUID taskId, LocalDate requestedDeadline,
                                    @Schema(description = "the task's deadline when the request was made") LocalDate deadlineAtRequest,
                                    String reason, String requestedBy, OffsetDateTime requestedAt, ExtensionStatus status,
                                    @Schema(description = "the coordinator who approved or refused it; null while pending") String decidedBy,
                                    OffsetDateTime decidedAt,
                                    @Schema(description = "the refusal's reason, or the approval's note (审批意见); null while"
                                            + " pending or when an approval came without") String decisionNote,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) TaskSnapshot task) {

    static DeadlineExtensionView of(DeadlineExtensionRequest request, TaskSnapshot task) {
        return new DeadlineExtensionView(request.id, request.taskId, request.requestedDeadline, request.deadlineAtRequest,
                request.reason, request.requestedBy, request.requestedAt, request.status, request.decidedBy,
                request.decidedAt, request.decisionNote, task);
    }
}
