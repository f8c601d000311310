package io.rectification.reporting.rebuild;

import io.rectification.platform.events.EventConsumers;
import io.rectification.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The progress of the latest rebuild started in this instance: per topic how many of the records
 * that were in it when the rebuild started have been replayed. The targets are the end offsets at
 * the start, so events published since do not move the goal; the positions are the consumers' own
 * (a rewind only seeks the partitions assigned here). DONE once every partition is read to its
 * target; FAILED when nothing moved for the stall timeout (a consumer stuck on the database or broker).
 */
@ApplicationScoped
public class RebuildProgress {

    public enum State { RUNNING, DONE, FAILED }

    /** The records of one consumer's topic to replay: from the beginning to the end at the start. */
    public record Target(String consumer, String topic, Map<TopicPartition, Long> beginnings,
                         Map<TopicPartition, Long> ends) {
    }

    public record PartitionProgress(int partition, long from, long to, long replayed) {
    }

    public record TopicProgress(String topic, String consumer, long replayed, long toReplay,
                                List<PartitionProgress> partitions) {
    }

    public record Status(UUID id, State state, String startedBy, Instant startedAt, Instant finishedAt,
                         String detail, List<TopicProgress> topics) {
    }

    private final EventConsumers consumers;
    private final Duration stallTimeout;
    private Run current;

    public RebuildProgress(EventConsumers consumers,
                           @ConfigProperty(name = "reporting.rebuild.stall-timeout", defaultValue = "5m") Duration stallTimeout) {
        this.consumers = consumers;
        this.stallTimeout = stallTimeout;
    }

    /** Refuses a second rebuild while one is replaying: its clearing would restart the first halfway. */
    public synchronized void requireIdle() {
        if (current != null && evaluate(current).state() == State.RUNNING) {
            throw ProblemException.conflict("a rebuild started by " + current.startedBy + " at " + current.startedAt
                    + " is still replaying; follow it at GET /admin/rebuild").with("rebuild", current.id);
        }
    }

    public synchronized UUID begin(UUID id, String actor, List<Target> targets) {
        current = new Run(id, actor, Instant.now(), List.copyOf(targets));
        return id;
    }

    public synchronized Optional<Status> latest() {
        return Optional.ofNullable(current).map(this::evaluate);
    }

    private Status evaluate(Run run) {
        List<TopicProgress> topics = new ArrayList<>();
        boolean complete = true;
        long replayedAll = 0;
        for (Target target : run.targets) {
            Optional<EventConsumers.Progress> progress = consumers.progress(target.consumer());
            boolean pending = progress.map(EventConsumers.Progress::rewindPending).orElse(true);
            Map<TopicPartition, Long> next = pending ? Map.of()
                    : progress.map(EventConsumers.Progress::nextOffsets).orElse(Map.of());
            List<PartitionProgress> partitions = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> end : target.ends().entrySet()) {
                long from = target.beginnings().getOrDefault(end.getKey(), 0L);
                long to = end.getValue();
                long at = next.getOrDefault(end.getKey(), from);
                long replayed = Math.max(0, Math.min(at, to) - from);
                partitions.add(new PartitionProgress(end.getKey().partition(), from, to, replayed));
                complete &= !pending && at >= to;
            }
            partitions.sort(Comparator.comparingInt(PartitionProgress::partition));
            long replayed = partitions.stream().mapToLong(PartitionProgress::replayed).sum();
            replayedAll += replayed;
            topics.add(new TopicProgress(target.topic(), target.consumer(), replayed,
                    partitions.stream().mapToLong(p -> p.to() - p.from()).sum(), partitions));
        }
        Instant now = Instant.now();
        if (run.finishedAt == null && run.failure == null) {
            if (complete) {
                run.finishedAt = now;
            } else if (replayedAll != run.lastReplayed) {
                run.lastReplayed = replayedAll;
                run.lastMoveAt = now;
            } else if (run.lastMoveAt.plus(stallTimeout).isBefore(now)) {
                run.failure = "no event was replayed for " + stallTimeout.toSeconds() + " s; see the consumers' log "
                        + "and GET /admin/consumers";
                run.finishedAt = now;
            }
        }
        State state = run.failure != null ? State.FAILED : run.finishedAt != null ? State.DONE : State.RUNNING;
        return new Status(run.id, state, run.startedBy, run.startedAt, run.finishedAt, run.failure, topics);
    }

    private static final class Run {
        final UUID id;
        final String startedBy;
        final Instant startedAt;
        final List<Target> targets;
        Instant finishedAt;
        String failure;
        long lastReplayed;
        Instant lastMoveAt;

        Run(UUID id, String startedBy, Instant startedAt, List<Target> targets) {
            this.id = id;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
            this.targets = targets;
            this.lastMoveAt = startedAt;
        }
    }
}
