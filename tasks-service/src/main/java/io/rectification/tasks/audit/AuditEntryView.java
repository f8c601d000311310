package io.rectification.tasks.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of an aggregate's audit trail: who made which change when, the state before and after
 * (as the aggregate's view showed it then) and the entry's place in the hash chain. Before and after
 * are answered as the JSON text that was stored and hashed, byte for byte, not read into today's
 * view and written again: an older entry shows the view of its day, and its hash can be checked.
 */
@Schema(requiredProperties = {"id", "action", "actor", "at", "hash"})
public record AuditEntryView(long id, String action, String actor, String at,
                             @JsonRawValue @Schema(type = SchemaType.OBJECT,
                                     description = "the state before the change; null for the first entry") String before,
                             @JsonRawValue @Schema(type = SchemaType.OBJECT,
                                     description = "the state after the change") String after,
                             String hash) {
}
