package io.rectification.reporting.rebuild;

import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of the latest rebuild started in this instance: per topic how many records of the
 * range being replayed have been applied. The range is from the beginning to the end offsets read
 * once the live consumers paused (at the start: the end offsets then, as an estimate). RUNNING
 * until the replay's transaction committed (DONE) or rolled back (FAILED, the old read models
 * kept, the reason in {@code detail}).
 */
@ApplicationScoped
public class RebuildProgress {

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

    private final Clock clock;
    private Run current;

    public RebuildProgress(Clock clock) {
        this.clock = clock;
    }

    /** Refuses a second rebuild while one is replaying. */
    public synchronized void requireIdle() {
        if (current != null && current.state == State.RUNNING) {
            throw ApiException.conflict("a rebuild started by " + current.startedBy + " at " + current.startedAt
                    + " is still replaying; follow it at GET /admin/rebuild").with("rebuild", current.id);
        }
    }

    public synchronized void begin(UUID id, String actor, List<Target> targets) {
        current = new Run(id, actor, clock.instant(), List.copyOf(targets));
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

    public synchronized void finished(UUID id, String failure) {
        if (isCurrent(id)) {
            current.finishedAt = clock.instant();
            current.failure = failure;
            current.state = failure == null ? State.DONE : State.FAILED;
        }
    }

    public synchronized Optional<Status> latest() {
        return Optional.ofNullable(current).map(RebuildProgress::evaluate);
    }

    private boolean isCurrent(UUID id) {
        return current != null && current.id.equals(id);
    }

    private static Status evaluate(Run run) {
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
        return new Status(run.id, run.state, run.startedBy, run.startedAt, run.finishedAt, run.failure, topics);
    }

    private static final class Run {
        final UUID id;
        final String startedBy;
        final Instant startedAt;
        final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        volatile List<Target> targets;
        volatile State state = State.RUNNING;
        Instant finishedAt;
        String failure;

        Run(UUID id, String startedBy, Instant startedAt, List<Target> targets) {
            this.id = id;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
            this.targets = targets;
        }
    }
}
