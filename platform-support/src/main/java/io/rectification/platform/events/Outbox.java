package io.rectification.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
     * Delivered to the relay's LISTEN only when the transaction commits; repeated notifications
     * in one transaction are folded into one by PostgreSQL.
     */
    static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final String source;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
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
        return envelope;
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
        JsonNode payload = objectMapper.valueToTree(data);
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source,
                eventType, aggregateId, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, aggregateType,
                aggregateVersion, payload);
    }

    String toJson(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
