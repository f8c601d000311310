package io.rectification.reporting.consumption;

import io.rectification.platform.events.EventConsumers;
import io.rectification.reporting.projection.ConsumerNames;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How far live consumption is behind the topics: per consumer group and topic-partition the end
 * offset, the group's committed offset and the difference (the lag), and when this instance last
 * applied an event. The lag is the group's, as the broker tells it, so it covers every instance.
 */
@ApplicationScoped
public class ConsumerLag {

    private final KafkaOffsets offsets;
    private final ConsumerNames names;
    private final EventConsumers consumers;

    public ConsumerLag(KafkaOffsets offsets, ConsumerNames names, EventConsumers consumers) {
        this.offsets = offsets;
        this.names = names;
        this.consumers = consumers;
    }

    @Schema(requiredProperties = {"topic", "partition", "endOffset", "lag"})
    public record PartitionLag(String topic, int partition, long endOffset, Long committedOffset, long lag) {
    }

    /** {@code running}: whether the consumer runs in this instance; {@code lastAppliedAt}: null until it applied one. */
    @Schema(requiredProperties = {"consumer", "topic", "running", "lag", "partitions"})
    public record Consumer(String consumer, String topic, boolean running, Instant lastAppliedAt, long lag,
                           List<PartitionLag> partitions) {
    }

    public List<Consumer> current() {
        List<Consumer> result = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.topics().entrySet()) {
            String consumer = entry.getKey();
            String topic = entry.getValue();
            Map<TopicPartition, Long> ends = offsets.ends(List.of(topic));
            Map<TopicPartition, Long> beginnings = offsets.beginnings(List.of(topic));
            Map<TopicPartition, Long> committed = offsets.committed(consumer);
            List<PartitionLag> partitions = ends.entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> e.getKey().partition()))
                    .map(e -> {
                        Long at = committed.get(e.getKey());
                        // Never committed: everything still in the topic is to be read.
                        long from = at != null ? at : beginnings.getOrDefault(e.getKey(), 0L);
                        return new PartitionLag(topic, e.getKey().partition(), e.getValue(), at,
                                Math.max(0, e.getValue() - from));
                    }).toList();
            var progress = consumers.progress(consumer);
            result.add(new Consumer(consumer, topic, progress.isPresent(),
                    progress.map(EventConsumers.Progress::lastAppliedAt).orElse(null),
                    partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions));
        }
        return result;
    }
}
