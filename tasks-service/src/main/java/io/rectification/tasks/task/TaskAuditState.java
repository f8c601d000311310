package io.rectification.tasks.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A task's state as the audit trail records it: the snapshot's members and, when the change was to
 * something the snapshot only counts (an evidence entry's file), that thing, so the trail shows
 * exactly which file (its SHA-256) was attached. The event stays the catalogue's TaskUpdated.
 */
public record TaskAuditState(@JsonUnwrapped TaskSnapshot task,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Object evidenceFile) {
}
