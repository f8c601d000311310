package io.rectification.tasks.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A task's state as the audit trail records it: the snapshot's members and, when the change was to
 * something the snapshot only counts, that thing: an evidence entry's file, so the trail shows exactly
 * which file (its SHA-256) was attached; an evidence entry removed (it had no file), so the trail keeps
 * what it was; a deadline extension request asked or refused ({@code deadlineExtensionRequest}: the
 * snapshot shows only a pending one, not a refusal's reason). The event stays the catalogue's one.
 */
public record TaskAuditState(@JsonUnwrapped TaskSnapshot task,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Object evidenceFile,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Object evidenceRemoved,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DeadlineExtensionView deadlineExtensionRequest) {

    static TaskAuditState fileAttached(TaskSnapshot task, Object evidenceFile) {
        return new TaskAuditState(task, evidenceFile, null, null);
    }

    static TaskAuditState entryRemoved(TaskSnapshot task, Object evidenceRemoved) {
        return new TaskAuditState(task, null, evidenceRemoved, null);
    }

    static TaskAuditState withRequest(TaskSnapshot task, DeadlineExtensionView request) {
        return new TaskAuditState(task, null, null, request);
    }
}
