package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Keeps each applied snapshot by version, whatever order they arrive in, for lists as of a past day. */
final class History {

    private History() {
    }

    static void record(Sql sql, String table, String idColumn, UUID id, long version, UUID inspectionId,
                       EventEnvelope event, JsonNode snapshot) {
        OffsetDateTime time = event.time() != null ? event.time() : OffsetDateTime.now();
        sql.update("INSERT INTO " + table + " (" + idColumn + ", version, inspection_id, event_time, data)"
                        + " VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING",
                id, version, inspectionId, time, snapshot.toString());
    }
}
