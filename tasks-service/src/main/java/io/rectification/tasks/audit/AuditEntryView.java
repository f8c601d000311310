package io.rectification.tasks.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of an aggregate's audit trail: who made which change when, the state before and after
 * (as the aggregate's view showed it then) and the entry's place in the hash chain.
 */
public record AuditEntryView(long id, String action, String actor, String at,
                             @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                     description = "the state before the change; null for the first entry") JsonNode before,
                             @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                     description = "the state after the change") JsonNode after,
                             String hash) {
}
