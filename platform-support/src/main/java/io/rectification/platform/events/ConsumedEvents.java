package io.rectification.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The record of events already applied, per consumer: the primary key makes a duplicate a no-op. */
@ApplicationScoped
public class ConsumedEvents {

    private final EntityManager entityManager;

    public ConsumedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event as consumed; false when it already was (then it must not be applied again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                        INSERT INTO consumed_event (consumer, event_id) VALUES (?1, ?2)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /**
     * In the caller's transaction: records the id and applies the event, unless it was applied
     * before. A failure leaves the transaction to the caller (a replay rolls back to a savepoint).
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
    public boolean applyOnce(EventHandler handler, EventEnvelope event) {
        if (!firstDelivery(handler.consumerName(), event.id())) {
            return false;
        }
        handler.handle(event);
        return true;
    }
}
