package io.rectification.reporting.projection;

import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Keeps each applied snapshot by version, whatever order they arrive in, for lists as of a past day. */
@Singleton
class History {

    private final Sql sql;
    private final Clock clock;

    History(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    void record(String table, String idColumn, UUID id, long version, UUID inspectionId, EventEnvelope event,
                String snapshotText) {
        recordAll(table, idColumn, List.<Object[]>of(row(id, version, inspectionId, event, snapshotText)), Appending.KEEP_FIRST);
    }

    /** Rows of {@link #row} in one batch; the first of a version stays, as applied one by one. */
    void recordAll(String table, String idColumn, List<Object[]> rows, Appending appending) {
        appending.write(sql, table + " (" + idColumn + ", version, inspection_id, event_time, data)",
                "VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING", rows);
    }

    /**
     * Dated by the event's time; an envelope without one (not ours) by when it was applied.
     *
     * @param snapshotText the snapshot as {@link SnapshotText} gives it (for a COPY, its bytes)
     */
    Object[] row(UUID id, long version, UUID inspectionId, EventEnvelope event, Object snapshotText) {
        OffsetDateTime time = event.time() != null ? event.time() : OffsetDateTime.now(clock);
        return new Object[]{id, version, inspectionId, time, snapshotText};
    }
}
