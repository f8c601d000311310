package io.rectification.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import io.rectification.platform.ids.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event into the outbox table in the caller's transaction, so the event exists exactly
 * when the state change it describes does. Nothing here talks to Kafka: {@link OutboxRelay} does,
 * off the request thread, woken by the NOTIFY issued here (delivered by PostgreSQL on commit).
 */
@ApplicationScoped
public class Outbox {

    static final String CHANNEL = "outbox_event";
    static final String INSERT = """
            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope)
            VALUES (CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS jsonb))""";
    /**
     * The payload of this process's notifications: the relays running here are woken in process after the
     * commit ({@link OutboxRelay#wakeUpHere}) and pass over notifications that carry it; other instances'
     * relays are woken by them.
     */
    static final String FROM_HERE = UUID.randomUUID().toString();
    /**
     * Delivered to every LISTEN only when the transaction commits; repeated notifications in one
     * transaction are folded into one by PostgreSQL.
     */
    static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '" + FROM_HERE + "')";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final String source;
    private final EventTracing tracing;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final CommitWatch commits;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper, EventTracing tracing, Clock clock,
                  TransactionSynchronizationRegistry transactions, CommitWatch commits,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.transactions = transactions;
        this.commits = commits;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.tracing = tracing;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /**
     * Appends one event, typed: its record names the type and the topic ({@link EventContract}).
     * Must run inside the transaction that changes the aggregate.
     *
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String aggregateType, String aggregateId, long aggregateVersion, EventData event) {
        return append(EventContract.topicOf(event), aggregateType, aggregateId, aggregateVersion,
                EventContract.typeOf(event), event);
    }

    /**
     * Appends one event by name. Prefer {@link #append(String, String, long, EventData)}: this one
     * stays for code written before the records, and its data is not checked against anything here.
     *
     * @return the envelope as it will be published
     */
    @Deprecated
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String aggregateType, String aggregateId, long aggregateVersion,
                                String eventType, Object data) {
        EventEnvelope envelope = envelope(aggregateType, aggregateId, aggregateVersion, eventType, data);
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, envelope.id())
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, eventType)
                .setParameter(6, toJson(envelope))
                .executeUpdate();
        entityManager.createNativeQuery(NOTIFY).getSingleResult();
        atTheEnd();
        return envelope;
    }

    /** One event to append: its aggregate, the aggregate's version after the change, and the event. */
    public record Pending(String aggregateType, String aggregateId, long aggregateVersion, EventData event) {
    }

    /**
     * Appends events in the given order in the caller's transaction, in two statements however many
     * there are (one insert of them all, one NOTIFY): a plan import appends thousands.
     *
     * @return the envelopes as they will be published, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        ArrayNode rows = objectMapper.createArrayNode();
        for (Pending pending : events) {
            EventEnvelope envelope = envelope(pending.aggregateType(), pending.aggregateId(),
                    pending.aggregateVersion(), EventContract.typeOf(pending.event()), pending.event());
            envelopes.add(envelope);
            rows.addObject().put("id", envelope.id()).put("topic", EventContract.topicOf(pending.event()))
                    .put("aggregateType", pending.aggregateType()).put("aggregateId", pending.aggregateId())
                    .put("eventType", envelope.type())
                    // written once, as the single append writes it: a tree of the envelope copied every
                    // event's data tree again (a seventh of a plan import's outbox time, 2026-12-02)
                    .putRawValue("envelope", new RawValue(toJson(envelope)));
        }
        // in the given order, so the relay (by seq) publishes them as they happened
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope)
                        SELECT CAST(e->>'id' AS uuid), e->>'topic', e->>'aggregateType', e->>'aggregateId',
                               e->>'eventType', e->'envelope'
                        FROM jsonb_array_elements(CAST(?1 AS jsonb)) WITH ORDINALITY AS r(e, n)
                        ORDER BY r.n""")
                .setParameter(1, rows.toString())
                .executeUpdate();
        entityManager.createNativeQuery(NOTIFY).getSingleResult();
        atTheEnd();
        return envelopes;
    }

    /**
     * For a writer that stores many changes in one statement of its own (group commit): the
     * events are collected and written by that statement ({@link OutboxRows#INSERT}).
     */
    public OutboxRows rows() {
        return new OutboxRows(this);
    }

    EventEnvelope envelope(String aggregateType, String aggregateId, long aggregateVersion, String eventType,
                           Object data) {
        return envelope(aggregateType, aggregateId, aggregateVersion, eventType, data, currentTraceparent());
    }

    EventEnvelope envelope(String aggregateType, String aggregateId, long aggregateVersion, String eventType,
                           Object data, String traceparent) {
        JsonNode payload = objectMapper.valueToTree(data);
        OffsetDateTime time = OffsetDateTime.now(clock);
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, TimeOrderedIds.at(time.toInstant()).toString(), source,
                eventType, aggregateId, time, EventEnvelope.JSON, aggregateType,
                aggregateVersion, payload, traceparent);
    }

    /**
     * This instance's caches learn of the change as the transaction ends, before its answer leaves
     * (the NOTIFY reaches {@link CommitWatch} a little later): a client reads its own write at once.
     * From now until then they serve nothing: PostgreSQL shows the change from its commit on. Once it
     * has committed, the relays here are woken (the NOTIFY wakes the other instances').
     */
    private void atTheEnd() {
        commits.changingIn(transactions);
        OutboxRelay.wakeUpHereAfterCommit(transactions);
    }

    /** The trace context of the current thread, as an event written now carries it (null: none). */
    public String currentTraceparent() {
        return tracing.currentTraceparent();
    }

    String toJson(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
