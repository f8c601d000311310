package io.rectification.platform.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * How an operator resolved a dead letter: {@code REPLAYED} (its message applied through its
 * consumer's handler after all, or found applied already) or {@code DISMISSED} with the reason it
 * must not be applied; when, and by whom (the token's person).
 */
public record DeadLetterResolution(@Schema(required = true) DeadLetterOutcome outcome,
                                   @Schema(required = true) OffsetDateTime at,
                                   @Schema(required = true) String by,
                                   @Schema(description = "why it was dismissed; null for a replay") String reason) {
}
