import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a topic from its beginning to its end as it stands, and says how many records it holds and
 * how many of them repeat an event id (the CloudEvents {@code ce_id} header the outbox relay sets):
 * the scale-out run's proof that two relaying instances published nothing twice (deploy/bench/run).
 * No consumer group: it assigns itself the partitions and commits nothing. Needs Kafka's client
 * jars on the class path.
 *
 *   java -cp "CLASSES:.local/kafka-lib/*" TopicTally CLIENT_PROPERTIES TOPIC
 *
 * Prints "TOPIC: N records, D with an event id seen before, M without one".
 */
public class TopicTally {

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        String topic = args[1];
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long records = 0;
        long repeated = 0;
        long withoutId = 0;
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last == null || record.offset() >= last) {
                        continue; // written after the tally began
                    }
                    records++;
                    Header id = record.headers().lastHeader("ce_id");
                    if (id == null) {
                        withoutId++;
                    } else if (!ids.add(new String(id.value(), StandardCharsets.UTF_8))) {
                        repeated++;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        System.out.printf("%s: %d records, %d with an event id seen before, %d without one%n", topic, records, repeated,
                withoutId);
    }
}
