package io.rectification.platform.events;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import io.rectification.platform.jdbc.ArrayParameters;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox for a writer on plain JDBC that stores many changes in one statement (group
 * commit): the events are collected here and written by that statement, as its {@link #INSERT}
 * part, from six array parameters (sent in binary: {@link ArrayParameters}), so the changes and
 * their events are one round trip and one commit. The relay is then woken by {@link OutboxWakeUp},
 * after the commit.
 */
public final class OutboxRows {

    /**
     * The rows from six array parameters ({@link #bind}); the last part of the writer's statement
     * (after its data-modifying CTEs) or a CTE of it.
     */
    public static final String INSERT = """
            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope)
            SELECT e.id, e.topic, e.aggregate_type, e.aggregate_id, e.event_type, e.envelope::jsonb
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS e(id, topic, aggregate_type, aggregate_id, event_type, envelope)""";

    private final Outbox outbox;
    private final List<String> ids = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<String> aggregateTypes = new ArrayList<>();
    private final List<String> aggregateIds = new ArrayList<>();
    private final List<String> eventTypes = new ArrayList<>();
    private final List<String> envelopes = new ArrayList<>();

    OutboxRows(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Adds one event, typed, as {@link Outbox#append(String, String, long, EventData)} would write it. */
    public EventEnvelope add(String aggregateType, String aggregateId, long aggregateVersion, EventData event) {
        return add(aggregateType, aggregateId, aggregateVersion, event, outbox.currentTraceparent());
    }

    /**
     * As {@link #add(String, String, long, EventData)}, written in the trace {@code traceparent}
     * names (null: none): a writer that stores many requests' changes on its own thread takes each
     * request's trace context along, since the thread's own is none of theirs.
     */
    public EventEnvelope add(String aggregateType, String aggregateId, long aggregateVersion, EventData event,
                             String traceparent) {
        String eventType = EventContract.typeOf(event);
        EventEnvelope envelope = outbox.envelope(aggregateType, aggregateId, aggregateVersion, eventType, event,
                traceparent);
        ids.add(envelope.id());
        topics.add(EventContract.topicOf(event));
        aggregateTypes.add(aggregateType);
        aggregateIds.add(aggregateId);
        eventTypes.add(eventType);
        envelopes.add(outbox.toJson(envelope));
        return envelope;
    }

    public int size() {
        return ids.size();
    }

    /** Binds the events as {@link #INSERT}'s six parameters from {@code first}; answers the next parameter's index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int p = first;
        for (List<String> column : List.of(ids, topics, aggregateTypes, aggregateIds, eventTypes, envelopes)) {
            ArrayParameters.text(statement, p++, column);
        }
        return p;
    }
}
