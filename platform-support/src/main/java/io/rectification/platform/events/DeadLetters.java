package io.rectification.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Messages a consumer could not apply, kept with the reason so that nothing is silently dropped. */
@ApplicationScoped
public class DeadLetters {

    /** Longest payload kept; a message bigger than this is stored cut, with the reason saying so. */
    static final int MAX_PAYLOAD = 64 * 1024;

    private final EntityManager entityManager;

    public DeadLetters(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(DeadLetter letter) {
        String payload = letter.payload();
        if (payload != null && payload.length() > MAX_PAYLOAD) {
            payload = payload.substring(0, MAX_PAYLOAD);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, letter.consumer())
                .setParameter(2, letter.topic())
                .setParameter(3, letter.partition())
                .setParameter(4, letter.offset())
                .setParameter(5, letter.eventId())
                .setParameter(6, letter.eventType())
                .setParameter(7, letter.reason())
                .setParameter(8, payload)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeadLetter> latest(int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason, payload, received_at
                        FROM dead_letter ORDER BY id DESC LIMIT ?1""")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(DeadLetter::fromRow).toList();
    }
}
