package io.rectification.reporting.readmodel;

import io.rectification.platform.events.ChannelListener;
import io.rectification.reporting.projection.TaskChanges;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readers waiting for a task's read model to change ({@code Prefer: wait}), woken by the
 * notifications the projection sends with each change ({@link TaskChanges}), whichever instance
 * applied it, as {@link TaskChangeWatch} hears them. A wake-up says "read again", not "it changed": while the notifications cannot be
 * heard (the listening connection is down) nobody waits, and losing or regaining it wakes everyone.
 */
@ApplicationScoped
public class TaskChangeWaits implements ChannelListener.Receiver {

    /** One reader's wait; close it when done, woken or not. */
    public final class Waiter implements AutoCloseable {

        private final UUID taskId;
        private final CompletableFuture<Void> woken = new CompletableFuture<>();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Waiter(UUID taskId) {
            this.taskId = taskId;
        }

        /** Completes when the task may have changed. */
        public CompletableFuture<Void> woken() {
            return woken;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                waiting.computeIfPresent(taskId, (id, waiters) -> {
                    waiters.remove(this);
                    return waiters.isEmpty() ? null : waiters;
                });
                count.decrementAndGet();
            }
        }
    }

    private final int maxWaiting;
    private final ConcurrentHashMap<UUID, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean listening;

    public TaskChangeWaits(@ConfigProperty(name = "reporting.read-models.max-waiting") int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    /**
     * A wait for the task's next change, to be taken before reading what the reader compares
     * with (so that a change between the read and the wait is not missed); empty when this
     * instance cannot hear changes now or already holds as many waiting readers as it allows.
     */
    public Optional<Waiter> watch(UUID taskId) {
        if (!listening) {
            return Optional.empty();
        }
        if (count.incrementAndGet() > maxWaiting) {
            count.decrementAndGet();
            return Optional.empty();
        }
        Waiter waiter = new Waiter(taskId);
        waiting.compute(taskId, (id, waiters) -> {
            Set<Waiter> set = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            set.add(waiter);
            return set;
        });
        if (!listening) {
            // lost between the check and the registration, after deaf() woke everyone: read again now
            waiter.woken.complete(null);
        }
        return Optional.of(waiter);
    }

    /** Reads waiting now. */
    public int waiting() {
        return count.get();
    }

    /** Whether changes are heard now (else every read is answered at once). */
    public boolean hearsChanges() {
        return listening;
    }

    @Override
    public void listening() {
        listening = true;
        wakeAll();
    }

    @Override
    public void notified(String payload) {
        TaskChanges.named(payload).ifPresentOrElse(ids -> ids.forEach(this::wake), this::wakeAll);
    }

    @Override
    public void deaf() {
        listening = false;
        wakeAll();
    }

    private void wake(UUID taskId) {
        Set<Waiter> waiters = waiting.get(taskId);
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.woken.complete(null));
        }
    }

    private void wakeAll() {
        waiting.values().forEach(waiters -> waiters.forEach(waiter -> waiter.woken.complete(null)));
    }
}
