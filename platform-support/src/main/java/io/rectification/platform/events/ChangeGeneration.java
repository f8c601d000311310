package io.rectification.platform.events;

import io.rectification.platform.transaction.TransactionEnds;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generation for what is kept until the data it was read from changes: it moves with every
 * notification on a channel (any instance's change, delivered after its commit), with every change
 * this instance makes itself ({@link #changeEnded()}, at once, before its notification comes back), and
 * when listening starts or stops. While not listening it is {@link #UNKNOWN}: a change elsewhere could
 * go unseen, so nothing kept may be served then. Nor while a change of this instance is under way
 * ({@link #changeBegun()} in its transaction, before the commit, to {@link #changeEnded()} after it):
 * PostgreSQL makes the change visible at its commit, a moment before the transaction has ended here, and
 * a reader who has seen it elsewhere (the rebuild's status DONE, a task's row) must not then be answered
 * from what was kept before it. The receiver of a {@link ChannelListener}.
 */
public final class ChangeGeneration implements ChannelListener.Receiver {

    /** No generation to compare with: serve nothing kept. */
    public static final long UNKNOWN = -1;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger changing = new AtomicInteger();
    private volatile boolean listening;

    /**
     * The current generation, or {@link #UNKNOWN} while changes elsewhere cannot be heard or one of this
     * instance's is under way.
     */
    public long current() {
        // the count first: a change that has ended moved the generation before it stopped counting
        if (changing.get() > 0) {
            return UNKNOWN;
        }
        long current = generation.get();
        return listening ? current : UNKNOWN;
    }

    /** A change of this instance's has begun, in its transaction: nothing kept is served until it has ended. */
    public void changeBegun() {
        changing.incrementAndGet();
    }

    /** That change has ended (committed or rolled back: either may change a read): something kept may no longer hold. */
    public void changeEnded() {
        generation.incrementAndGet();
        changing.decrementAndGet();
    }

    /**
     * A change of this instance's in the current transaction: begun now, ended when the transaction has
     * ended (committed or not); counted once per transaction however often it is called. Outside a
     * transaction it has ended already.
     */
    public void changingIn(TransactionSynchronizationRegistry transactions) {
        if (transactions.getTransactionKey() == null) {
            changeBegun();
            changeEnded();
            return;
        }
        if (!TransactionEnds.firstTimeIn(transactions, this)) {
            return;
        }
        TransactionEnds.onEnd(transactions, committed -> changeEnded());
        // counted once its end is sure to be told: a change begun and never ended would keep what is kept unserved
        changeBegun();
    }

    @Override
    public void listening() {
        // whatever was kept while not listening may have missed a change
        generation.incrementAndGet();
        listening = true;
    }

    @Override
    public void notified(String payload) {
        generation.incrementAndGet();
    }

    @Override
    public void deaf() {
        listening = false;
        generation.incrementAndGet();
    }
}
