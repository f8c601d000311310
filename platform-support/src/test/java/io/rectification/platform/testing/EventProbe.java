package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic on the real broker from the moment it is opened, so a test can assert on what a
 * service really published. Also sends raw messages, for consumer tests.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

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

    public static EventEnvelope parse(String json) {
        try {
            return JSON.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            return null;
        }
    }

    /** Sends a message with the given headers (e.g. the CloudEvents binding's), as the relay would. */
    public static void send(String topic, String key, String value, org.apache.kafka.common.header.Headers headers) {
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(KafkaSettings.producer(bootstrapServers(), "probe-producer"))) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends a raw message (possibly malformed) to the topic, as another producer would. */
    public static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(KafkaSettings.producer(bootstrapServers(), "probe-producer"))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends a message of any bytes (a NUL byte, invalid UTF-8, a body near the broker's limit), as a
     * faulty or hostile producer would; answers where it landed.
     */
    public static org.apache.kafka.clients.producer.RecordMetadata sendBytes(String topic, String key, byte[] value) {
        var config = KafkaSettings.producer(bootstrapServers(), "probe-producer");
        config.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends the messages under one key (so to one partition, in this order) with one producer and
     * one flush, so that a consumer normally reads them in one poll.
     */
    public static void sendAll(String topic, String key, List<String> values) {
        var config = KafkaSettings.producer(bootstrapServers(), "probe-producer");
        config.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 200); // one record batch
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            producer.flush();
            for (var future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
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
