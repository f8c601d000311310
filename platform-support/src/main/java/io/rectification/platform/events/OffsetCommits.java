package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * When one consumer ({@link EventConsumers}) commits its offsets. Only positions past events that
 * are all applied (or dead-lettered) are ever committed: a poll that failed is read again.
 *
 * <p>Not after every poll: a commit is a request to the group coordinator and its answer, and a
 * profile of reporting-service's consumer applying events one at a time put committing after
 * each at about a tenth of its CPU (and commitSync's wait before the next poll on top). A restart
 * or a rebalance delivers again what was applied since the last commit, which the consumed-event
 * record turns into no-ops, so committing is bounded instead: at most {@link #INTERVAL} after the
 * first uncommitted event, at once when a poll finds nothing more to read, and, waiting for it,
 * before the partitions go to another member or the consumer leaves.
 */
final class OffsetCommits implements ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(OffsetCommits.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final String consumerName;
    private final LongSupplier nanoTime;
    /** Whether the consumer's positions are past applied events only (false while a poll is applied or after it failed). */
    private boolean positionsApplied = true;
    private boolean uncommitted;
    private long lastCommit;

    OffsetCommits(Consumer<?, ?> consumer, String consumerName, LongSupplier nanoTime) {
        this.consumer = consumer;
        this.consumerName = consumerName;
        this.nanoTime = nanoTime;
        this.lastCommit = nanoTime.getAsLong();
    }

    /** A poll's events are about to be applied: the positions are past events not applied yet. */
    void applying() {
        positionsApplied = false;
    }

    /** The poll's events are all applied or dead-lettered. */
    void applied() {
        positionsApplied = true;
        uncommitted = true;
    }

    /** After each poll: commits without waiting when due; {@code idle}: the poll found nothing. */
    void afterPoll(boolean idle) {
        if (positionsApplied && uncommitted
                && (idle || nanoTime.getAsLong() - lastCommit >= INTERVAL.toNanos())) {
            consumer.commitAsync(this::completed);
            committed();
        }
    }

    /** Before the partitions go (a rebalance, or leaving the group on close): commits what was applied. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (positionsApplied && uncommitted) {
            try {
                consumer.commitSync(SYNC_TIMEOUT);
                committed();
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s: committing before handing over partitions failed: %s", consumerName, e);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Positions come from the group's committed offsets; nothing to do here.
    }

    private void committed() {
        uncommitted = false;
        lastCommit = nanoTime.getAsLong();
    }

    /** Runs on the consumer's thread, in a later poll; a failed commit is made again after that poll. */
    private void completed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception failure) {
        if (failure != null) {
            uncommitted = true;
            LOG.debugf("consumer %s: committing offsets %s failed: %s", consumerName, offsets, failure);
        }
    }
}
