package io.rectification.reporting.rebuild;

import io.quarkus.runtime.ShutdownEvent;
import io.rectification.platform.time.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of the rebuilds: per topic how many records of the range being replayed have been
 * applied. The range is from the beginning to the end offsets read once the live consumers paused
 * (at the start: the end offsets then, as an estimate). RUNNING until the replay's transaction
 * committed (DONE) or rolled back (FAILED, the old read models kept, the reason in {@code detail}).
 *
 * <p>Kept in {@link RebuildRecords}, so every instance and a restarted one tell the same. The
 * replay only counts in memory here; its progress and heartbeat are written apart from its
 * transaction (which would keep them unseen until it commits), at most every
 * {@code reporting.rebuild.progress-interval} and at the end, so the replay does not wait on them.
 */
@ApplicationScoped
public class RebuildProgress {

    private static final Logger LOG = Logger.getLogger(RebuildProgress.class);

    static final String STOPPED = "reporting-service stopped while it replayed; the read models are those from before the rebuild";

    public enum State { RUNNING, DONE, FAILED }

    /** The records of one consumer's topic to replay: from the beginning to the end. */
    public record Target(String consumer, String topic, Map<TopicPartition, Long> beginnings,
                         Map<TopicPartition, Long> ends) {
    }

    @Schema(requiredProperties = {"partition", "from", "to", "replayed"})
    public record PartitionProgress(int partition, long from, long to, long replayed) {
    }

    @Schema(requiredProperties = {"topic", "consumer", "replayed", "toReplay", "partitions"})
    public record TopicProgress(String topic, String consumer, long replayed, long toReplay,
                                List<PartitionProgress> partitions) {
    }

    @Schema(requiredProperties = {"id", "state", "startedBy", "startedAt", "topics"})
    public record Status(UUID id, State state, String startedBy, Instant startedAt, Instant finishedAt,
                         String detail, List<TopicProgress> topics) {
    }

    private final RebuildRecords records;
    private final Duration interval;
    private volatile Run current;

    public RebuildProgress(RebuildRecords records,
                           @ConfigProperty(name = "reporting.rebuild.progress-interval", defaultValue = "1s") Duration interval) {
        this.records = records;
        this.interval = interval;
    }

    /** Refuses a second rebuild while one is replaying, on any instance. */
    public void requireIdle() {
        records.running().ifPresent(running -> {
            throw records.stillReplaying(running);
        });
    }

    /** Records the run as RUNNING (409 when another instance claimed one first) and writes its progress from now on. */
    public synchronized void begin(UUID id, String actor, List<Target> targets) {
        Run run = new Run(id, List.copyOf(targets));
        records.begin(id, actor, topics(run));
        run.writing = PeriodicRefresh.start("read-model-rebuild-progress", interval, () -> write(run));
        current = run;
    }

    /** The range actually replayed, known once the live consumers paused. */
    public synchronized void retarget(UUID id, List<Target> targets) {
        if (isCurrent(id)) {
            current.targets = List.copyOf(targets);
            current.positions.clear();
        }
    }

    /** A partition of the replay reached {@code position} (the offset of the next record to read). */
    public void advanced(UUID id, TopicPartition partition, long position) {
        Run run = current;
        if (run != null && run.id.equals(id)) {
            run.positions.put(partition, position);
        }
    }

    /** In the replay's transaction, as its last write: DONE exactly when the rebuild commits. */
    public void committing(UUID id) {
        Run run = current;
        if (run != null && run.id.equals(id)) {
            run.state = State.DONE;
            records.done(id, topics(run));
        }
    }

    /** The replay is over: committed (DONE, already recorded) or rolled back because of {@code failure}. */
    public synchronized void finished(UUID id, String failure) {
        if (isCurrent(id)) {
            current.writing.stop();
            if (failure != null) {
                current.state = State.FAILED;
                try {
                    records.failed(id, failure, topics(current));
                } catch (RuntimeException e) {
                    LOG.warnf("rebuild %s: not recorded as failed (%s); it is told as interrupted once its heartbeat is stale",
                            id, e.getMessage());
                }
            }
        }
    }

    /** The latest rebuild started on any instance. */
    public Optional<Status> latest() {
        return records.latest();
    }

    /** Every interval while RUNNING: the progress, which also tells the instance is alive. */
    private void write(Run run) {
        try {
            if (run.state == State.RUNNING) {
                records.progressed(run.id, topics(run));
            }
        } catch (RuntimeException e) {
            // the database away for a moment: the next round writes it (stopping would stop the heartbeat)
            LOG.warnf("rebuild %s: progress not recorded: %s", run.id, e.getMessage());
        }
    }

    /**
     * A graceful stop ends the replay's transaction unfinished (rolled back): said at once rather
     * than once the heartbeat has gone stale.
     */
    synchronized void onStop(@Observes ShutdownEvent event) {
        Run run = current;
        if (run != null && run.state == State.RUNNING) {
            run.writing.stop();
            try {
                records.failed(run.id, STOPPED, topics(run));
            } catch (RuntimeException e) {
                LOG.warnf("rebuild %s: not recorded as stopped (%s); it is told as interrupted once its heartbeat is stale",
                        run.id, e.getMessage());
            }
        }
    }

    private boolean isCurrent(UUID id) {
        return current != null && current.id.equals(id);
    }

    private static List<TopicProgress> topics(Run run) {
        List<TopicProgress> topics = new ArrayList<>();
        for (Target target : run.targets) {
            List<PartitionProgress> partitions = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> end : target.ends().entrySet()) {
                long from = target.beginnings().getOrDefault(end.getKey(), 0L);
                long to = end.getValue();
                long at = run.state == State.DONE ? to : run.positions.getOrDefault(end.getKey(), from);
                partitions.add(new PartitionProgress(end.getKey().partition(), from, to,
                        Math.max(0, Math.min(at, to) - from)));
            }
            partitions.sort(Comparator.comparingInt(PartitionProgress::partition));
            topics.add(new TopicProgress(target.topic(), target.consumer(),
                    partitions.stream().mapToLong(PartitionProgress::replayed).sum(),
                    partitions.stream().mapToLong(p -> p.to() - p.from()).sum(), partitions));
        }
        return topics;
    }

    private static final class Run {
        final UUID id;
        final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        volatile List<Target> targets;
        volatile State state = State.RUNNING;
        PeriodicRefresh writing;

        Run(UUID id, List<Target> targets) {
            this.id = id;
            this.targets = targets;
        }
    }
}
