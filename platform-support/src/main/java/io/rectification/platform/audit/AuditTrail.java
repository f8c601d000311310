package io.rectification.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.time.InstantText;
import io.rectification.platform.transaction.TransactionEnds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only audit trail: each entry carries the hash of its content and of the entry
 * before it, so changing or removing any row breaks the chain from there on ({@link #verify}).
 * Appends are serialised by a transaction-scoped advisory lock: staff changes are few, and a
 * chain needs one order. A writer that also locks rows must take this lock first ({@link #lockChain}),
 * before any row lock: a transaction holding the chain's lock and then waiting for a row that another
 * holds while it waits for the chain deadlocks (PostgreSQL kills one with 40P01).
 */
@ApplicationScoped
public class AuditTrail {

    private static final long CHAIN_LOCK = 0x4155_4449_5443_4841L;
    /** Marks a transaction that holds the chain's lock. */
    private static final Object HELD = AuditTrail.class.getName() + ".chainLock";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final AuditHash algorithm;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final InstantText instants;

    public AuditTrail(EntityManager entityManager, ObjectMapper objectMapper,
                      @ConfigProperty(name = "platform.audit.hash", defaultValue = "SHA-256") String algorithm,
                      TransactionSynchronizationRegistry transactions, Clock clock, InstantText instants) {
        this.transactions = transactions;
        this.clock = clock;
        this.instants = instants;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.algorithm = AuditHash.byLabel(algorithm);
    }

    /**
     * Takes the chain's lock for the rest of the caller's transaction (released at commit or
     * rollback), once: a transaction that holds it sends no second statement. Writers call it before
     * they lock any row, so every transaction takes the chain's lock and row locks in one order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockChain() {
        if (TransactionEnds.firstTimeIn(transactions, HELD)) {
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        }
    }

    /** One change to record: the action, the entity, and its state after the change. */
    public record Change(String action, String entityType, String entityId, Object after) {
    }

    /**
     * Records a change in the caller's transaction. Its "before" is the entity's state in its
     * previous entry (null for the first), since every change of an audited entity is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordChange(String actor, String action, String entityType, String entityId, Object after) {
        return recordChanges(actor, List.of(new Change(action, entityType, entityId, after))).get(0);
    }

    /**
     * Records changes in the caller's transaction, chained in the given order, in a fixed number of
     * statements however many there are (a plan import records thousands): the lock, the entities'
     * previous states, the chain's last entry, and one insert of all the entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<AuditEntry> recordChanges(String actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        lockChain();
        Map<String, String> before = new HashMap<>();
        List<Map<String, String>> keys = changes.stream()
                .map(c -> Map.of("t", c.entityType(), "i", c.entityId())).distinct().toList();
        // Each entity's latest entry straight off the index's end: a task reported on for years has
        // thousands of entries, and taking them all to keep the last (DISTINCT ON) cost 15 ms a change
        // at 5,000 (2026-12-03), growing with each.
        List<Object[]> previous = entityManager.createNativeQuery("""
                        SELECT k.t, k.i, a.after
                        FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS k(t text, i text)
                        CROSS JOIN LATERAL (SELECT e.after FROM audit_entry e WHERE e.entity_type = k.t AND e.entity_id = k.i
                                            ORDER BY e.seq DESC LIMIT 1) a""")
                .setParameter(1, json(keys)).getResultList();
        previous.forEach(row -> before.put(row[0] + "\u001f" + row[1], (String) row[2]));
        Object[] last = lastEntry();
        long seq = last == null ? 1 : ((Number) last[0]).longValue() + 1;
        String prevHash = last == null ? AuditHash.GENESIS : (String) last[1];
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        for (Change change : changes) {
            String key = change.entityType() + "\u001f" + change.entityId();
            // hashed as this text and kept as it (entries recorded before the one rule keep their "Z")
            String at = instants.format(clock.instant());
            AuditEntry unsigned = new AuditEntry(seq++, at, actor, change.action(), change.entityType(),
                    change.entityId(), before.get(key), json(change.after()), algorithm.label(), prevHash, null);
            AuditEntry entry = unsigned.withHash(algorithm.hex(unsigned.hashedContent()));
            entries.add(entry);
            before.put(key, entry.after());
            prevHash = entry.hash();
        }
        // the values travel as JSON strings, which PostgreSQL gives back as the exact text that was hashed
        entityManager.createNativeQuery("""
                        INSERT INTO audit_entry (seq, recorded_at, actor, action, entity_type, entity_id, before, after,
                                                 algorithm, prev_hash, hash)
                        SELECT seq, "recordedAt", actor, action, "entityType", "entityId", before, after, algorithm,
                               "prevHash", hash
                        FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS e(seq bigint, "recordedAt" text, actor text,
                             action text, "entityType" text, "entityId" text, before text, after text, algorithm text,
                             "prevHash" text, hash text)""")
                .setParameter(1, json(entries))
                .executeUpdate();
        return entries;
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
     * The latest entry about one entity that changed {@code member} of its state (its first entry, if
     * none did since), or empty for an entity with no entries: who moved it to what it is, and when.
     * Read backwards along the entity's index, and only where a refusal is explained.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<AuditEntry> lastChangeOf(String entityType, String entityId, String member) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT seq, recorded_at, actor, action, entity_type, entity_id, before, after, algorithm, prev_hash, hash
                        FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2
                          AND (CAST(after AS jsonb) -> ?3) IS DISTINCT FROM (CAST(before AS jsonb) -> ?3)
                        ORDER BY seq DESC LIMIT 1""")
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, member)
                .getResultList();
        return rows.stream().findFirst().map(AuditTrail::toEntry);
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
