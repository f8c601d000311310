package io.rectification.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of walking the audit chain: intact, or the first broken entry and why. */
public record AuditVerification(@Schema(required = true) boolean intact, @Schema(required = true) long entriesChecked,
                                Long firstBrokenSeq, String reason) {
}
