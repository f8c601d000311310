package io.rectification.platform.audit;

/** The result of walking the audit chain: intact, or the first broken entry and why. */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {
}
