package io.rectification.platform.events;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client settings used by the relay and the consumers; bounded timeouts so a missing broker is
 * noticed quickly; authentication as configured ({@link KafkaSecurity}).
 */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The relay appends a whole batch and then flushes it, which sends at once whatever lingers:
        // the linger only keeps the first records of a batch from going out alone while the rest are
        // appended (at linger 0 a batch of 20 events took several produce requests, and each woke
        // every consumer's fetch). A batch of the relay's fits in one request.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 100);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // The relay retries a whole batch itself; these bound how long one attempt may hang.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putAll(KafkaSecurity.current());
        return config;
    }

    public static Map<String, Object> consumer(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.putAll(KafkaSecurity.current());
        return config;
    }

    /** An admin client's settings (reporting-service reads offsets with one). */
    public static Map<String, Object> admin(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(KafkaSecurity.current());
        return config;
    }

    /**
     * A replay's consumer: like {@link #eventConsumer} with no group membership to keep, and polls
     * of up to {@link #REPLAY_POLL_RECORDS} (each poll's events are applied together, so fewer,
     * larger polls mean fewer statements per event).
     */
    public static Map<String, Object> replayConsumer(String bootstrapServers, String groupId) {
        Map<String, Object> config = eventConsumer(bootstrapServers, groupId, Optional.empty(), Duration.ofSeconds(10));
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, REPLAY_POLL_RECORDS);
        // Enough for a poll and the next: what the client buffers ahead is heap too.
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        return config;
    }

    /**
     * The most events a replay applies in one batch. A parsed event takes some 4-5 KB of heap and a
     * replay holds two polls (EventReplay reads ahead), so 2,000 keep it near 20 MB; larger polls
     * save little once the statements per poll are few.
     */
    public static final int REPLAY_POLL_RECORDS = 2_000;

    /**
     * The settings of a service's event consumer: values as bytes, so that a message that is not
     * UTF-8 still reaches the dead letters as it was sent instead of failing in the client.
     *
     * <p>{@code instanceId} makes the consumer a static member of its group: restarted with the same
     * id it takes its partitions back at once, where a new dynamic member waits until the group has
     * given up on the old one (its session timeout). {@code sessionTimeout} bounds that wait for a
     * member that died without a successor; heartbeats go at a third of it (at most every 3 s).
     */
    public static Map<String, Object> eventConsumer(String bootstrapServers, String groupId, Optional<String> instanceId,
                                                    Duration sessionTimeout) {
        Map<String, Object> config = consumer(bootstrapServers, groupId);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        instanceId.filter(id -> !id.isBlank()).ifPresent(id -> config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.min(3_000, sessionTimeout.toMillis() / 3));
        return config;
    }
}
