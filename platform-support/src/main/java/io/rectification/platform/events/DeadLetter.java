package io.rectification.platform.events;

import java.time.OffsetDateTime;

public record DeadLetter(String consumer, String topic, int partition, long offset, String eventId,
                         String eventType, String reason, String payload, OffsetDateTime receivedAt) {

    static DeadLetter fromRow(Object[] row) {
        return new DeadLetter((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                ((Number) row[3]).longValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                row[8] instanceof OffsetDateTime time ? time
                        : row[8] instanceof java.time.Instant instant ? instant.atOffset(java.time.ZoneOffset.UTC) : null);
    }
}
