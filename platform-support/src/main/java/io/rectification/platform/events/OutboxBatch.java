package io.rectification.platform.events;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox for a writer on plain JDBC that commits many changes at once (group commit): each
 * event goes into a JDBC batch on the writer's connection, in its transaction; {@link #execute()}
 * writes them in one round trip and wakes the relay with one NOTIFY for all of them.
 */
public final class OutboxBatch implements AutoCloseable {

    private final Outbox outbox;
    private final Connection connection;
    private final PreparedStatement insert;
    private int added;

    OutboxBatch(Outbox outbox, Connection connection) throws SQLException {
        this.outbox = outbox;
        this.connection = connection;
        this.insert = connection.prepareStatement(Outbox.INSERT);
    }

    /** Adds one event, typed, as {@link Outbox#append(String, String, long, EventData)} would write it. */
    public EventEnvelope add(String aggregateType, String aggregateId, long aggregateVersion, EventData event)
            throws SQLException {
        return add(EventContract.topicOf(event), aggregateType, aggregateId, aggregateVersion,
                EventContract.typeOf(event), event);
    }

    /** Adds one event by name; prefer the typed {@link #add(String, String, long, EventData)}. */
    @Deprecated
    public EventEnvelope add(String topic, String aggregateType, String aggregateId, long aggregateVersion,
                             String eventType, Object data) throws SQLException {
        EventEnvelope envelope = outbox.envelope(aggregateType, aggregateId, aggregateVersion, eventType, data);
        insert.setString(1, envelope.id());
        insert.setString(2, topic);
        insert.setString(3, aggregateType);
        insert.setString(4, aggregateId);
        insert.setString(5, eventType);
        insert.setString(6, outbox.toJson(envelope));
        insert.addBatch();
        added++;
        return envelope;
    }

    /** Writes the events added so far and, if there were any, notifies the relay (delivered on commit). */
    public void execute() throws SQLException {
        if (added == 0) {
            return;
        }
        insert.executeBatch();
        added = 0;
        try (Statement notify = connection.createStatement()) {
            notify.execute(Outbox.NOTIFY);
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
