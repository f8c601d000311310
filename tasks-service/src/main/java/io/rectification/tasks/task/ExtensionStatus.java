package io.rectification.tasks.task;

/** Where a deadline extension request (延期申请) stands: waiting for the office, or decided either way. */
public enum ExtensionStatus {
    PENDING, APPROVED, REFUSED
}
