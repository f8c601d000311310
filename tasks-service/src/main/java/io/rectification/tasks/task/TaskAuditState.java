package io.rectification.tasks.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A task's state as the audit trail records it: the snapshot's members and, when the change was to
 * something the snapshot only counts (an evidence entry's file), that thing, so the trail shows
 * exactly which file (its SHA-256) was attached. The event stays the catalogue's TaskUpdated. A
 * deadline extension request asked or refused is recorded beside the task the same way
 * ({@code deadlineExtensionRequest}): the snapshot shows only a pending one, not a refusal's reason.
 */
public record TaskAuditState(@JsonUnwrapped TaskSnapshot task,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Object evidenceFile,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DeadlineExtensionView deadlineExtensionRequest) {
}
