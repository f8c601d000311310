package io.rectification.tasks.support;

import io.rectification.platform.events.EventTopics;
import io.rectification.platform.events.Outbox;
import io.rectification.tasks.audit.LedgerAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Every change of the ledger is published and audited together: the event goes to the outbox and
 * the aggregate's new state to the audit trail, in the caller's transaction. One place, so no
 * aggregate can be published without being audited.
 */
@ApplicationScoped
public class LedgerEvents {

    private final Outbox outbox;
    private final LedgerAudit audit;

    public LedgerEvents(Outbox outbox, LedgerAudit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param data  the event's data (the contract's shape)
     * @param state the aggregate's state after the change, as the audit trail records it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String aggregateType, UUID id, long version, String eventType, Object data, Object state) {
        outbox.append(EventTopics.TASKS, aggregateType, id.toString(), version, eventType, data);
        audit.record(aggregateType, id, eventType, state);
    }
}
