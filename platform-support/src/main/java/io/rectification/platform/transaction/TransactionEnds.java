package io.rectification.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.Consumer;

/**
 * What is done when the current transaction has ended: registered inside it, run after its commit or rollback;
 * asked for outside a transaction, done at once, as after a commit (what it follows is already stored).
 */
public final class TransactionEnds {

    private TransactionEnds() {
    }

    /**
     * Whether this is the first time {@code key} is asked about in the current transaction (which must
     * be active); from then on it is not. For what a transaction does once however often it is asked.
     */
    public static boolean firstTimeIn(TransactionSynchronizationRegistry transactions, Object key) {
        if (transactions.getResource(key) != null) {
            return false;
        }
        transactions.putResource(key, Boolean.TRUE);
        return true;
    }

    /** {@code ended} is given whether the transaction committed. */
    public static void onEnd(TransactionSynchronizationRegistry transactions, Consumer<Boolean> ended) {
        if (transactions.getTransactionKey() == null) {
            ended.accept(true);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                ended.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }

    /** {@code action} runs once the transaction has committed, and not at all when it is rolled back. */
    public static void afterCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
        onEnd(transactions, committed -> {
            if (committed) {
                action.run();
            }
        });
    }
}
