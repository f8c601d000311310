package io.rectification.platform.events;

import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The one way a service publishes a change it also audits: the event goes to the outbox and the
 * aggregate's state after the change to the hash-chained audit trail, both in the caller's
 * transaction, under the event's type as the audit action. One call, so no audited aggregate is
 * published without its audit entry, nor audited under another name than it is published.
 *
 * <p>Only public intake (feedback-service's web form and Open311, off the chain by design) appends
 * to the {@link Outbox} alone.
 */
@ApplicationScoped
public class EventPublisher {

    private final Outbox outbox;
    private final AuditTrail audit;

    public EventPublisher(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param actor        who made the change (the token's holder, or "system")
     * @param event        the event; its record names the type and the topic
     * @param auditedState the aggregate's state after the change, as the audit trail keeps it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String actor, String aggregateType, String aggregateId, long version, EventData event,
                                 Object auditedState) {
        EventEnvelope envelope = outbox.append(aggregateType, aggregateId, version, event);
        audit.recordChange(actor, EventContract.typeOf(event), aggregateType, aggregateId, auditedState);
        return envelope;
    }

    /** One change to publish and audit, as {@link #publish} takes it. */
    public record Change(String aggregateType, String aggregateId, long version, EventData event,
                         Object auditedState) {
    }

    /**
     * Publishes and audits many changes, in the given order, in a fixed number of statements however
     * many there are ({@link Outbox#appendAll}, {@link AuditTrail#recordChanges}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(String actor, List<Change> changes) {
        List<EventEnvelope> envelopes = outbox.appendAll(changes.stream()
                .map(c -> new Outbox.Pending(c.aggregateType(), c.aggregateId(), c.version(), c.event())).toList());
        audit.recordChanges(actor, changes.stream().map(c -> new AuditTrail.Change(EventContract.typeOf(c.event()),
                c.aggregateType(), c.aggregateId(), c.auditedState())).toList());
        return envelopes;
    }
}
