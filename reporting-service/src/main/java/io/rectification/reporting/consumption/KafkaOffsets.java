package io.rectification.reporting.consumption;

import io.quarkus.runtime.ShutdownEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.events.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Offsets as the broker knows them: where each partition of a topic begins and ends (committed
 * records, as the consumers read them) and what a consumer group has committed. One admin client,
 * made on first use; every call is bounded so a missing broker is a 503, never a hanging request.
 */
@ApplicationScoped
public class KafkaOffsets {

    private static final long TIMEOUT_SECONDS = 5;

    private final String bootstrapServers;
    private volatile Admin admin;

    public KafkaOffsets(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Map<TopicPartition, Long> beginnings(Collection<String> topics) {
        return offsets(topics, tp -> OffsetSpec.earliest());
    }

    public Map<TopicPartition, Long> ends(Collection<String> topics) {
        return offsets(topics, tp -> OffsetSpec.latest());
    }

    /** What the group has committed; a partition it never committed is absent. */
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                offsets.put(tp, offset.offset());
            }
        });
        return offsets;
    }

    private Map<TopicPartition, Long> offsets(Collection<String> topics, Function<TopicPartition, OffsetSpec> spec) {
        Map<String, TopicDescription> descriptions = await(admin().describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> request = descriptions.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), spec));
        return await(admin().listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = KafkaSettings.admin(bootstrapServers, "reporting-service-offsets");
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
                    admin = Admin.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static ApiException unavailable(Throwable cause) {
        return new ApiException(503, "Broker unavailable", "the Kafka broker did not tell the offsets: " + cause);
    }

    void onStop(@Observes ShutdownEvent event) {
        Admin current = admin;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(2));
        }
    }
}
