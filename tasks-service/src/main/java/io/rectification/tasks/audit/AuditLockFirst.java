package io.rectification.tasks.audit;

import io.rectification.platform.audit.AuditTrail;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The one place the ledger's lock order is kept: every transaction of this service that a
 * {@code @Transactional} (REQUIRED) method begins or joins takes the audit chain's lock
 * ({@link AuditTrail#lockChain}) first, before its first statement, so before any row lock.
 *
 * <p>Every change of the ledger is audited, and the audit append takes the chain's lock; it used to
 * be taken only there, after the change's rows were written. A transaction that writes after its
 * first append (the follow-up job's batch: one task after another) then held the chain and waited
 * for a task row, while a command on that task held the row and waited for the chain: PostgreSQL
 * settled the deadlock by killing one of them (40P01). Taken first by every writer, the lock orders
 * them instead. Bound to {@code @Transactional} itself rather than to an annotation of its own, so a
 * new writer cannot forget it; it runs inside the transaction the platform's interceptor started.
 */
@Interceptor
@Transactional
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditLockFirst {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object lockFirst(InvocationContext context) throws Exception {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            trail.lockChain(); // once per transaction: AuditTrail remembers it holds the lock
        }
        return context.proceed();
    }
}
