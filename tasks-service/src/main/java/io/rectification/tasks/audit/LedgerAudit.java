package io.rectification.tasks.audit;

import io.quarkus.arc.Arc;
import io.rectification.platform.audit.AuditEntry;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Every change of the ledger's aggregates goes into the platform's hash-chained audit trail: who
 * (the token's holder, or "system" for jobs and consumed events), when, which change, and the
 * state before and after ("before" is the previous entry's "after", since every change is recorded).
 */
@ApplicationScoped
public class LedgerAudit {

    static final String SYSTEM = "system";

    private final AuditTrail trail;
    private final Instance<CurrentActor> actor;

    public LedgerAudit(AuditTrail trail, Instance<CurrentActor> actor) {
        this.trail = trail;
        this.actor = actor;
    }

    /** Who a change is recorded for: the token's holder, or "system" for jobs and consumed events. */
    public String currentActor() {
        return Arc.container().requestContext().isActive() ? actor.get().optional().orElse(SYSTEM) : SYSTEM;
    }

    /** The entries of one aggregate, oldest first, with before and after as the JSON stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntryView> entriesOf(String aggregateType, UUID aggregateId) {
        return trail.entriesFor(aggregateType, aggregateId.toString()).stream().map(this::view).toList();
    }

    private AuditEntryView view(AuditEntry entry) {
        return new AuditEntryView(entry.seq(), entry.action(), entry.actor(), entry.recordedAt(), entry.before(),
                entry.after(), entry.hash());
    }
}
