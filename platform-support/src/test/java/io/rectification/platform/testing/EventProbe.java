package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Reads a topic on the real broker from the moment it is opened, so a test can assert on what a
 * service really published. Also sends raw messages, for consumer tests.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static KafkaProducer<String, byte[]> producer;

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private EventProbe(String topic) {
        consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers(), "probe-" + UUID.randomUUID()));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the test acts
    }

    /** Starts reading {@code topic} at its current end. */
    public static EventProbe on(String topic) {
        return new EventProbe(topic);
    }

    /** Waits for the first event matching, failing the test after {@code timeout}. */
    public EventEnvelope await(Predicate<EventEnvelope> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (Instant.now().isBefore(deadline)) {
            for (; checked < seen.size(); checked++) {
                EventEnvelope event = parse(seen.get(checked).value());
                if (event != null && match.test(event)) {
                    return event;
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        throw new AssertionError("no matching event on the topic within " + timeout + "; saw " + seen.size()
                + " other message(s)");
    }

    /** Every message read so far, plus what arrives within {@code quiet}. */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        Instant deadline = Instant.now().plus(quiet);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /**
     * The record {@code event} came in, as read by this probe: key, headers and value, for checks of
     * the whole record ({@link EventCatalogue#assertPublished}).
     */
    public ConsumerRecord<String, String> record(EventEnvelope event) {
        for (ConsumerRecord<String, String> record : seen) {
            EventEnvelope read = parse(record.value());
            if (read != null && event.id().equals(read.id())) {
                return record;
            }
        }
        throw new AssertionError("this probe read no record of event " + event.id() + " (" + event.type() + ")");
    }

    public static EventEnvelope parse(String json) {
        try {
            return JSON.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            return null;
        }
    }

    /** Sends a message with the given headers (e.g. the CloudEvents binding's), as the relay would. */
    public static void send(String topic, String key, String value, org.apache.kafka.common.header.Headers headers) {
        sendRecord(new ProducerRecord<>(topic, null, key, utf8(value), headers));
    }

    /** Sends a raw message (possibly malformed) to the topic, as another producer would. */
    public static void send(String topic, String key, String value) {
        sendRecord(new ProducerRecord<>(topic, key, utf8(value)));
    }

    /**
     * Sends a message of any bytes (a NUL byte, invalid UTF-8, a body near the broker's limit), as a
     * faulty or hostile producer would; answers where it landed.
     */
    public static RecordMetadata sendBytes(String topic, String key, byte[] value) {
        return sendRecord(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Sends the messages under one key (so to one partition, in this order) with a producer of its own
     * that lingers, and one flush, so that they leave as one record batch and a consumer normally reads
     * them in one poll.
     */
    public static void sendAll(String topic, String key, List<String> values) {
        var config = patient("probe-batch-producer");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 200);
        try (KafkaProducer<String, byte[]> batching = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(batching.send(new ProducerRecord<>(topic, key, utf8(value))));
            }
            batching.flush();
            for (var future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static RecordMetadata sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /**
     * One producer for the test JVM, made on first use: a producer's start, its metadata and its
     * idempotent id cost a round of requests each, dozens of times per test otherwise. Never closed:
     * every send is awaited, so nothing is pending when the JVM ends, and its network thread is a
     * daemon.
     */
    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            var config = patient("probe-producer");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    /**
     * The services' producer settings, but patient: on a loaded CI machine (two modules testing side
     * by side on two cores) the services' five seconds to block were seen to run out on a test's
     * send; a test that waits for the broker cannot fail for that.
     */
    private static Map<String, Object> patient(String clientId) {
        var config = KafkaSettings.producer(bootstrapServers(), clientId);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return config;
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
