package io.rectification.platform.testing;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction a plain unit test begins and ends by hand, as far as code that registers for its end sees
 * it: its resources and its interposed synchronizations. Not a transaction manager: nothing is committed.
 */
public final class HandTransactions implements TransactionSynchronizationRegistry {

    private Object key;
    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();

    public void begin() {
        key = new Object();
    }

    /** Ends the transaction begun: its synchronizations are told, as after a commit. */
    public void commit() {
        synchronizations.forEach(Synchronization::beforeCompletion);
        end(Status.STATUS_COMMITTED);
    }

    /** Ends the transaction begun: its synchronizations are told, as after a rollback. */
    public void rollback() {
        end(Status.STATUS_ROLLEDBACK);
    }

    private void end(int status) {
        List<Synchronization> told = List.copyOf(synchronizations);
        key = null;
        resources.clear();
        synchronizations.clear();
        told.forEach(synchronization -> synchronization.afterCompletion(status));
    }

    @Override
    public Object getTransactionKey() {
        return key;
    }

    @Override
    public void putResource(Object resourceKey, Object value) {
        active();
        resources.put(resourceKey, value);
    }

    @Override
    public Object getResource(Object resourceKey) {
        active();
        return resources.get(resourceKey);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization synchronization) {
        active();
        synchronizations.add(synchronization);
    }

    @Override
    public int getTransactionStatus() {
        return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
        throw new UnsupportedOperationException("not needed by the tests that use it");
    }

    @Override
    public boolean getRollbackOnly() {
        return false;
    }

    private void active() {
        if (key == null) {
            throw new IllegalStateException("no transaction");
        }
    }
}
