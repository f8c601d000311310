package io.rectification.tasks.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.rectification.tasks.support.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records every change of an aggregate in the caller's transaction: who (the acting person, or
 * "system" for jobs and consumed events), when, which change, and the state before and after.
 * "Before" is the previous entry's "after", since every change is recorded.
 */
@ApplicationScoped
public class AuditTrail {

    static final String SYSTEM = "system";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Instance<CurrentActor> actor;

    public AuditTrail(EntityManager entityManager, ObjectMapper objectMapper, Instance<CurrentActor> actor) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.actor = actor;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String aggregateType, UUID aggregateId, String action, Object after) {
        String who = Arc.container().requestContext().isActive() ? actor.get().optional().orElse(null) : SYSTEM;
        entityManager.createNativeQuery("""
                        INSERT INTO audit_entry (aggregate_type, aggregate_id, action, actor, at, before_state, after_state)
                        VALUES (?1, ?2, ?3, ?4, ?5,
                                (SELECT after_state FROM audit_entry WHERE aggregate_id = ?2 ORDER BY id DESC LIMIT 1),
                                CAST(?6 AS jsonb))""")
                .setParameter(1, aggregateType)
                .setParameter(2, aggregateId)
                .setParameter(3, action)
                .setParameter(4, who)
                .setParameter(5, OffsetDateTime.now())
                .setParameter(6, json(after))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> entriesOf(UUID aggregateId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, action, actor, at, CAST(before_state AS text), CAST(after_state AS text)
                        FROM audit_entry WHERE aggregate_id = ?1 ORDER BY id""")
                .setParameter(1, aggregateId).getResultList();
        for (Object[] row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", row[0]);
            entry.put("action", row[1]);
            entry.put("actor", row[2]);
            entry.put("at", row[3]);
            entry.put("before", parse((String) row[4]));
            entry.put("after", parse((String) row[5]));
            entries.add(entry);
        }
        return entries;
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit state cannot be written as JSON", e);
        }
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? null : objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit state is not JSON", e);
        }
    }
}
