package io.rectification.platform.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A message a consumer could not read or apply, as listed: {@code payload} is the message decoded
 * as UTF-8 for reading (undecodable bytes shown as U+FFFD, cut at {@link DeadLetters#PREVIEW}
 * characters); the bytes as received are at {@link DeadLetters#payload(long)}. {@code reason} is
 * the latest failure's, {@code attempts} counts the consumer's try and every replay that failed
 * since; {@code resolution} is null while the dead letter is open.
 */
public record DeadLetter(@Schema(required = true) long id, @Schema(required = true) String consumer,
                         @Schema(required = true) String topic, @Schema(required = true) int partition,
                         @Schema(required = true) long offset, String eventId, String eventType,
                         @Schema(required = true) String reason, String payload,
                         @Schema(required = true) int payloadBytes, @Schema(required = true) OffsetDateTime receivedAt,
                         @Schema(required = true) int attempts, DeadLetterResolution resolution) {

    /** The columns {@link #fromRow} reads, in its order. */
    static final String COLUMNS = "id, consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason, "
            + "payload, received_at, attempts, resolution, resolved_at, resolved_by, dismissal_reason";

    static DeadLetter fromRow(Object[] row) {
        byte[] bytes = (byte[]) row[8];
        DeadLetterResolution resolution = row[11] == null ? null : new DeadLetterResolution(
                DeadLetterOutcome.valueOf((String) row[11]), time(row[12]), (String) row[13], (String) row[14]);
        return new DeadLetter(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).longValue(), (String) row[5], (String) row[6],
                (String) row[7], DeadLetters.preview(bytes), bytes == null ? 0 : bytes.length, time(row[9]),
                ((Number) row[10]).intValue(), resolution);
    }

    /** A timestamptz as the driver gives it (Hibernate's native queries: an Instant or an OffsetDateTime). */
    private static OffsetDateTime time(Object value) {
        return value instanceof OffsetDateTime time ? time
                : value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : null;
    }
}
