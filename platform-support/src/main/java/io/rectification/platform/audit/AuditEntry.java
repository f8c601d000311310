package io.rectification.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded change: who, when, what, and the state before and after (JSON text). */
public record AuditEntry(@Schema(required = true) long seq, @Schema(required = true) String recordedAt,
                         @Schema(required = true) String actor, @Schema(required = true) String action,
                         @Schema(required = true) String entityType, @Schema(required = true) String entityId,
                         String before, String after, @Schema(required = true) String algorithm,
                         @Schema(required = true) String prevHash, @Schema(required = true) String hash) {

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
