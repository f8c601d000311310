package io.rectification.reporting.rebuild;

import io.rectification.platform.events.ApplyGate;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps every instance's live consumers out of the read models while a rebuild replaces them. The
 * rebuild pauses only the consumers of its own instance; another instance's went on with their
 * partitions, wrote into the tables the swap then dropped, and committed their offsets: an event
 * applied there after the end the replay read to was lost for good (the task missing from the
 * dashboards until the next rebuild).
 *
 * <p>One transaction-scoped advisory lock: the rebuild takes it exclusively as the first statement
 * of its transaction ({@link #close}), before it reads the topics' ends, and holds it to the commit
 * or rollback; every applying transaction asks for it shared first ({@link #enter}, through
 * {@code ConsumedEvents}). A consumer that finds it taken does not wait (a rebuild lasts minutes, a
 * consumer's transaction may not): its poll is read again after the pause, and once the rebuild has
 * committed its events are no-ops up to the replay's end (the replay recorded them) and applied to
 * the new tables after it. The rebuild waits only for the transactions already under way, which the
 * replay then includes: they committed before it read the ends. The rebuild's own replay asks for
 * the lock it holds, which PostgreSQL grants to its holder.
 */
@ApplicationScoped
public class RebuildGate implements ApplyGate {

    /** Arbitrary, fixed, for this lock alone (one-key space). */
    static final long LOCK = 0x524d_5f52_4542_4c44L;

    private final Sql sql;
    /** Applying transactions sent back since the start (what a test awaits to know a consumer was refused). */
    private final AtomicLong refused = new AtomicLong();

    public RebuildGate(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void enter() {
        Boolean open = sql.one("SELECT pg_try_advisory_xact_lock_shared(?)", row -> row.getBoolean(1), LOCK);
        if (!Boolean.TRUE.equals(open)) {
            refused.incrementAndGet();
            throw new Closed("a read-model rebuild is replacing the read models; the events are applied once it has ended");
        }
    }

    long refused() {
        return refused.get();
    }

    /** First in the rebuild's transaction: waits for the applying transactions under way, then keeps out the rest. */
    void close() {
        sql.one("SELECT pg_advisory_xact_lock(?)", row -> null, LOCK);
    }
}
