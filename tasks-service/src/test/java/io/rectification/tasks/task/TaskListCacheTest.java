package io.rectification.tasks.task;

import io.rectification.platform.events.CommitWatch;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.testing.HandClock;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * When a cached page of the task list is answered again: same generation, not past the instant its
 * flags turn, the clock not moved back before its read, outside a transaction; bounded by the
 * snapshots it holds. Plain JUnit: the commit watch, the clock and the transaction are stand-ins.
 */
@Tag("fast")
class TaskListCacheTest {

    /** 23:59 on 29 Feb 2028 in Shanghai: the page's flags turn at midnight. */
    static final Instant READ_AT = Instant.parse("2028-02-29T15:59:00Z");
    static final Instant MIDNIGHT = Instant.parse("2028-02-29T16:00:00Z");

    long generation = 7;
    int status = Status.STATUS_NO_TRANSACTION;
    final List<Instant> reads = new ArrayList<>();

    final CommitWatch commits = new CommitWatch("jdbc:postgresql://unused/", "unused", Optional.empty(), "test") {
        @Override
        public long generation() {
            return generation;
        }
    };
    final HandClock clock = new HandClock(READ_AT);

    TaskListCache cache(int capacity) {
        return new TaskListCache(commits, clock, registry(), capacity);
    }

    /** A page of {@code tasks} snapshots, read at the clock's instant, holding until midnight. */
    TaskListCache.Read read(OffsetDateTime at, int tasks) {
        reads.add(at.toInstant());
        return new TaskListCache.Read(new PageOf<>(Collections.nCopies(tasks, null), 0, tasks, tasks), MIDNIGHT);
    }

    static TaskListCache.Key key(int page) {
        return new TaskListCache.Key(new TaskFilter(null, null, null, null, null, null, null, null, null, false), null, page, 50);
    }

    @Test
    void aPageIsAnsweredAgainUntilTheGenerationMovesOrItsFlagsTurn() {
        TaskListCache cache = cache(100);
        PageOf<TaskSnapshot> first = cache.page(key(0), at -> read(at, 3));
        clock.set(MIDNIGHT.minusNanos(1));
        assertSame(first, cache.page(key(0), at -> read(at, 3)));
        assertEquals(List.of(READ_AT), reads, "read once");

        generation++; // a commit here or elsewhere
        PageOf<TaskSnapshot> afterCommit = cache.page(key(0), at -> read(at, 3));
        assertNotSame(first, afterCommit);
        clock.set(MIDNIGHT); // the page's overdue flags turn now
        assertNotSame(afterCommit, cache.page(key(0), at -> read(at, 3)));
        assertEquals(3, reads.size());
    }

    @Test
    void aClockMovedBackBeforeTheReadReadsAgain() {
        TaskListCache cache = cache(100);
        PageOf<TaskSnapshot> first = cache.page(key(0), at -> read(at, 3));
        clock.set(READ_AT.minusSeconds(3600));
        assertNotSame(first, cache.page(key(0), at -> read(at, 3)));
    }

    @Test
    void nothingIsCachedInsideATransactionOrWhileCommitsCannotBeSeen() {
        TaskListCache cache = cache(100);
        status = Status.STATUS_ACTIVE;
        cache.page(key(0), at -> read(at, 3));
        cache.page(key(0), at -> read(at, 3));
        status = Status.STATUS_NO_TRANSACTION;
        generation = CommitWatch.UNKNOWN;
        cache.page(key(0), at -> read(at, 3));
        cache.page(key(0), at -> read(at, 3));
        assertEquals(4, reads.size());
    }

    @Test
    void theLeastRecentlyReadPagesLeaveFirstAndNoPageLargerThanTheCacheIsKept() {
        TaskListCache cache = cache(10);
        cache.page(key(0), at -> read(at, 4));
        cache.page(key(1), at -> read(at, 4));
        cache.page(key(0), at -> read(at, 4)); // page 0 read again: now the more recent
        cache.page(key(2), at -> read(at, 4)); // 12 > 10: page 1 leaves
        assertEquals(3, reads.size());
        cache.page(key(0), at -> read(at, 4));
        cache.page(key(2), at -> read(at, 4));
        assertEquals(3, reads.size(), "pages 0 and 2 kept");
        cache.page(key(1), at -> read(at, 4));
        assertEquals(4, reads.size(), "page 1 read again");
        cache.page(key(3), at -> read(at, 11));
        cache.page(key(3), at -> read(at, 11));
        assertEquals(6, reads.size(), "a page of 11 is never kept by a cache of 10");
        TaskListCache off = cache(0);
        off.page(key(0), at -> read(at, 1));
        off.page(key(0), at -> read(at, 1));
        assertEquals(8, reads.size(), "a cache of 0 reads every time");
    }

    TransactionSynchronizationRegistry registry() {
        return new TransactionSynchronizationRegistry() {
            @Override
            public Object getTransactionKey() {
                return null;
            }

            @Override
            public void putResource(Object key, Object value) {
            }

            @Override
            public Object getResource(Object key) {
                return null;
            }

            @Override
            public void registerInterposedSynchronization(Synchronization sync) {
            }

            @Override
            public int getTransactionStatus() {
                return status;
            }

            @Override
            public void setRollbackOnly() {
            }

            @Override
            public boolean getRollbackOnly() {
                return false;
            }
        };
    }
}
