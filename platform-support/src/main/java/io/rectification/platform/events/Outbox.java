package io.rectification.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
     * Appends one event. Must run inside the transaction that changes the aggregate.
     *
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String aggregateType, String aggregateId, long aggregateVersion,
                                String eventType, Object data) {
        JsonNode payload = objectMapper.valueToTree(data);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source,
                eventType, aggregateId, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, aggregateType,
                aggregateVersion, payload);
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, envelope)
                        VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))""")
                .setParameter(1, envelope.id())
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, eventType)
                .setParameter(6, toJson(envelope))
                .executeUpdate();
        // Delivered to the relay's LISTEN only when this transaction commits; repeated
        // notifications in one transaction are folded into one by PostgreSQL.
        entityManager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
        return envelope;
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
