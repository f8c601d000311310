package io.rectification.tasks.work;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.UUID;

/** What the audit trail records of an attached file beside the task: which entry, and the file with its hash. */
public record AttachedFile(UUID evidenceId, @JsonUnwrapped EvidenceFileView file) {
}
