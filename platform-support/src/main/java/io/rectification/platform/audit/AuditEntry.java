package io.rectification.platform.audit;

/** One recorded change: who, when, what, and the state before and after (JSON text). */
public record AuditEntry(long seq, String recordedAt, String actor, String action, String entityType,
                         String entityId, String before, String after, String algorithm, String prevHash,
                         String hash) {

    AuditEntry withHash(String hash) {
        return new AuditEntry(seq, recordedAt, actor, action, entityType, entityId, before, after, algorithm, prevHash,
                hash);
    }

    /** The bytes the hash covers: every field and the previous hash, unambiguously separated. */
    String hashedContent() {
        return String.join("\u001f", Long.toString(seq), recordedAt, actor, action, entityType, entityId,
                before == null ? "\u0000" : before, after == null ? "\u0000" : after, algorithm, prevHash);
    }
}
