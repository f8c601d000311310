package io.rectification.tasks.task;

import io.rectification.platform.events.CommitWatch;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.WrittenOnceList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Pages of the task list as last read, answered again while nothing can have changed them. Why: a
 * page of 100 tasks costs some milliseconds of Hibernate and snapshot building, and the screens and
 * dashboards ask for the same pages over and over (issue 15: p99 within 100 ms at 32 connections).
 *
 * <p>A page holds while the service's data has not changed ({@link CommitWatch}'s generation, which
 * moves with every commit of this or another instance that wrote events, and is unknown while other
 * instances' commits cannot be seen) and while time has not turned one of its flags (overdue at the
 * next midnight, a progress report missing when a reporting period ends: {@link
 * TaskSnapshots#heldUntil}). A read inside a transaction is never cached, since it may see that
 * transaction's own uncommitted changes. A page kept is sent as the JSON it was first written as
 * ({@link WrittenOnceList}). At most {@code tasks.list-cache.tasks} snapshots are held
 * (0: no cache), the least recently read pages leaving first.
 */
@ApplicationScoped
public class TaskListCache {

    /** What a page is: its filter, order and place. */
    record Key(TaskFilter filter, String sort, int page, int size) {
    }

    /** A page as read at {@code readAt}, true until {@code heldUntil} if nothing changes. */
    record Read(PageOf<TaskSnapshot> page, Instant heldUntil) {
    }

    private record Entry(long generation, Instant readAt, Read read) {
        boolean holdsAt(long current, Instant now) {
            return generation == current && !now.isBefore(readAt) && now.isBefore(read.heldUntil());
        }
    }

    private final CommitWatch commits;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final int capacity;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int held;

    public TaskListCache(CommitWatch commits, Clock clock, TransactionSynchronizationRegistry transactions,
                         @ConfigProperty(name = "tasks.list-cache.tasks", defaultValue = "2000") int capacity) {
        this.commits = commits;
        this.clock = clock;
        this.transactions = transactions;
        this.capacity = capacity;
    }

    /** The page, from the cache when it still holds, else read by {@code read} at the instant it is given. */
    PageOf<TaskSnapshot> page(Key key, Function<OffsetDateTime, Read> read) {
        if (capacity <= 0 || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return read.apply(OffsetDateTime.now(clock)).page();
        }
        // the generation before the read: a commit during it leaves the page stale, and unused
        long generation = commits.generation();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (generation == CommitWatch.UNKNOWN) {
            return read.apply(now).page();
        }
        Entry cached = find(key, generation, now.toInstant());
        if (cached != null) {
            return cached.read().page();
        }
        Read fresh = read.apply(now);
        // kept with the JSON of its items once written: a page read again is sent, not written again
        Read kept = new Read(WrittenOnceList.pageOf(fresh.page()), fresh.heldUntil());
        keep(key, new Entry(generation, now.toInstant(), kept));
        return kept.page();
    }

    /** Forgets every page (a test counting what a read of the database costs). */
    synchronized void clear() {
        entries.clear();
        held = 0;
    }

    private synchronized Entry find(Key key, long generation, Instant now) {
        Entry entry = entries.get(key);
        return entry != null && entry.holdsAt(generation, now) ? entry : null;
    }

    private synchronized void keep(Key key, Entry entry) {
        int size = entry.read().page().items().size();
        if (size > capacity) {
            return;
        }
        Entry replaced = entries.put(key, entry);
        held += size - (replaced == null ? 0 : replaced.read().page().items().size());
        for (Iterator<Entry> oldest = entries.values().iterator(); held > capacity && oldest.hasNext(); ) {
            held -= oldest.next().read().page().items().size();
            oldest.remove();
        }
    }
}
