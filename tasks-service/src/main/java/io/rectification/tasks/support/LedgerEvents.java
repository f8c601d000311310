package io.rectification.tasks.support;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.tasks.audit.LedgerAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Every change of the ledger is published and audited together, through the platform's one
 * {@link EventPublisher}, for the person acting (or "system"), in the caller's transaction.
 */
@ApplicationScoped
public class LedgerEvents {

    private final EventPublisher publisher;
    private final LedgerAudit audit;

    public LedgerEvents(EventPublisher publisher, LedgerAudit audit) {
        this.publisher = publisher;
        this.audit = audit;
    }

    /**
     * @param event the event, whose record names its type (docs/events/tasks-events.yaml)
     * @param state the aggregate's state after the change, as the audit trail records it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String aggregateType, UUID id, long version, TasksEvent event, Object state) {
        publisher.publish(audit.currentActor(), aggregateType, id.toString(), version, event, state);
    }

    /** Many changes published and audited together, in the given order, in a fixed number of statements. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<EventPublisher.Change> changes) {
        publisher.publishAll(audit.currentActor(), changes);
    }
}
