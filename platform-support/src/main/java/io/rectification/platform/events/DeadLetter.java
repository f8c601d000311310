package io.rectification.platform.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A message a consumer could not read or apply, as listed: {@code payload} is the message decoded
 * as UTF-8 for reading (undecodable bytes shown as U+FFFD, cut at {@link DeadLetters#PREVIEW}
 * characters); the bytes as received are at {@link DeadLetters#payload(long)}.
 */
public record DeadLetter(@Schema(required = true) long id, @Schema(required = true) String consumer,
                         @Schema(required = true) String topic, @Schema(required = true) int partition,
                         @Schema(required = true) long offset, String eventId, String eventType,
                         @Schema(required = true) String reason, String payload,
                         @Schema(required = true) int payloadBytes, @Schema(required = true) OffsetDateTime receivedAt) {

    static DeadLetter fromRow(Object[] row) {
        byte[] bytes = (byte[]) row[8];
        return new DeadLetter(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).longValue(), (String) row[5], (String) row[6],
                (String) row[7], DeadLetters.preview(bytes), bytes == null ? 0 : bytes.length,
                row[9] instanceof OffsetDateTime time ? time
                        : row[9] instanceof java.time.Instant instant ? instant.atOffset(java.time.ZoneOffset.UTC) : null);
    }
}
