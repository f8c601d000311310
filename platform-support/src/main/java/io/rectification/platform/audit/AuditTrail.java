package io.rectification.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail: each entry carries the hash of its content and of the entry
 * before it, so changing or removing any row breaks the chain from there on ({@link #verify}).
 * Appends are serialised by a transaction-scoped advisory lock: staff changes are few, and a
 * chain needs one order.
 */
@ApplicationScoped
public class AuditTrail {

    private static final long CHAIN_LOCK = 0x4155_4449_5443_4841L;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final AuditHash algorithm;

    public AuditTrail(EntityManager entityManager, ObjectMapper objectMapper,
                      @ConfigProperty(name = "platform.audit.hash", defaultValue = "SHA-256") String algorithm) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.algorithm = AuditHash.byLabel(algorithm);
    }

    /**
     * Records a change in the caller's transaction. Its "before" is the entity's state in its
     * previous entry (null for the first), since every change of an audited entity is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordChange(String actor, String action, String entityType, String entityId, Object after) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        List<?> previous = entityManager.createNativeQuery(
                        "SELECT after FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY seq DESC LIMIT 1")
                .setParameter(1, entityType).setParameter(2, entityId).getResultList();
        String before = previous.isEmpty() ? null : (String) previous.get(0);
        Object[] last = lastEntry();
        long seq = last == null ? 1 : ((Number) last[0]).longValue() + 1;
        String prevHash = last == null ? AuditHash.GENESIS : (String) last[1];
        String at = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        AuditEntry unsigned = new AuditEntry(seq, at, actor, action, entityType, entityId, before, json(after),
                algorithm.label(), prevHash, null);
        AuditEntry entry = unsigned.withHash(algorithm.hex(unsigned.hashedContent()));
        entityManager.createNativeQuery("""
                        INSERT INTO audit_entry (seq, recorded_at, actor, action, entity_type, entity_id, before, after,
                                                 algorithm, prev_hash, hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, entry.seq()).setParameter(2, entry.recordedAt()).setParameter(3, entry.actor())
                .setParameter(4, entry.action()).setParameter(5, entry.entityType()).setParameter(6, entry.entityId())
                .setParameter(7, entry.before()).setParameter(8, entry.after()).setParameter(9, entry.algorithm())
                .setParameter(10, entry.prevHash()).setParameter(11, entry.hash())
                .executeUpdate();
        return entry;
    }

    /** The entries about one entity, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<AuditEntry> entriesFor(String entityType, String entityId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT seq, recorded_at, actor, action, entity_type, entity_id, before, after, algorithm, prev_hash, hash
                        FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY seq""")
                .setParameter(1, entityType).setParameter(2, entityId)
                .getResultList();
        return rows.stream().map(AuditTrail::toEntry).toList();
    }

    /**
     * Walks the whole chain and recomputes every hash.
     *
     * @return the first broken entry's sequence number, or empty when the chain is intact
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public AuditVerification verify() {
        String expectedPrev = AuditHash.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        int pageSize = 1000;
        while (true) {
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT seq, recorded_at, actor, action, entity_type, entity_id, before, after, algorithm, prev_hash, hash
                            FROM audit_entry WHERE seq >= ?1 ORDER BY seq LIMIT ?2""")
                    .setParameter(1, expectedSeq).setParameter(2, pageSize)
                    .getResultList();
            for (Object[] row : rows) {
                AuditEntry entry = toEntry(row);
                Optional<String> problem = check(entry, expectedSeq, expectedPrev);
                if (problem.isPresent()) {
                    return new AuditVerification(false, checked, expectedSeq, problem.get());
                }
                checked++;
                expectedSeq++;
                expectedPrev = entry.hash();
            }
            if (rows.size() < pageSize) {
                return new AuditVerification(true, checked, null, null);
            }
        }
    }

    private static Optional<String> check(AuditEntry entry, long expectedSeq, String expectedPrev) {
        if (entry.seq() != expectedSeq) {
            return Optional.of("entry " + expectedSeq + " is missing");
        }
        if (!entry.prevHash().equals(expectedPrev)) {
            return Optional.of("entry " + entry.seq() + " does not follow the entry before it");
        }
        String recomputed = AuditHash.byLabel(entry.algorithm()).hex(entry.hashedContent());
        if (!recomputed.equals(entry.hash())) {
            return Optional.of("entry " + entry.seq() + " was changed after it was recorded");
        }
        return Optional.empty();
    }

    private Object[] lastEntry() {
        List<?> rows = entityManager.createNativeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value cannot be written as JSON", e);
        }
    }

    private static AuditEntry toEntry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                (String) row[10]);
    }
}
