import io.rectification.platform.ids.TimeOrderedIds;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Writes COUNT task events to the tasks topic, as tasks-service would publish them, for the
 * rebuild benchmark (deploy/bench/run): per task one TaskCreated and nine TaskProgressReported,
 * each with the task's full snapshot and its next version, tasks spread over 5 areas and 16
 * problems of one inspection, event and report ids made as the services make them ({@link TimeOrderedIds}).
 * Needs Kafka's client jars and platform-support's classes on the class path.
 *
 *   java -cp "CLASSES:platform-support/target/classes:.local/kafka-lib/*" EventFlood CLIENT_PROPERTIES COUNT
 *
 * CLIENT_PROPERTIES is a Kafka client configuration with bootstrap.servers and the credentials
 * (the stack's .local/…/secrets/kafka-admin.properties: the broker takes SCRAM users with ACLs).
 */
public class EventFlood {

    static final String TOPIC = "rectification.tasks.v1";
    static final int EVENTS_PER_TASK = 10;

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(args[0]))) {
            client.load(in);
        }
        long count = Long.parseLong(args[1]);
        UUID inspection = UUID.randomUUID();
        UUID[] areas = ids(5);
        UUID[] problems = ids(16);
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        client.forEach((key, value) -> config.put((String) key, value));
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            UUID task = null;
            int number = 0;
            for (long i = 0; i < count; i++) {
                int version = (int) (i % EVENTS_PER_TASK) + 1;
                if (version == 1) {
                    task = UUID.randomUUID();
                    number++;
                }
                int problem = number % problems.length;
                String event = envelope(task, version, inspection, areas[problem % areas.length], problems[problem],
                        number);
                producer.send(new ProducerRecord<>(TOPIC, task.toString(), event));
            }
            producer.flush();
        }
        System.out.printf("produced %d events in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    private static UUID[] ids(int n) {
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
        }
        return ids;
    }

    private static String envelope(UUID task, int version, UUID inspection, UUID area, UUID problem, int number) {
        boolean created = version == 1;
        OffsetDateTime now = OffsetDateTime.now();
        String time = now.toString();
        String snapshot = """
                {"id":"%s","inspectionId":"%s","areaId":"%s","problemId":"%s","number":%d,\
                "title":"整改任务%d","measures":"制定落实方案，明确责任分工和完成时限","progressNarrative":"按计划推进",\
                "leadOfficial":"张副主任","responsiblePerson":"李处长","responsibleUnit":"经济发展局",\
                "deadline":"2025-12-31","kind":"TIME_BOUND","state":"%s","percentComplete":%d,\
                "reportingCadence":"WEEKLY","lastProgressReportAt":%s,"indicators":[],"milestones":[],\
                "verifiedAt":null,"reopenCount":0}"""
                .formatted(task, inspection, area, problem, number, number, created ? "PLANNED" : "IN_PROGRESS",
                        (version - 1) * 10, created ? "null" : "\"" + time + "\"");
        String data = created ? "{\"task\":" + snapshot + "}" : """
                {"task":%s,"report":{"id":"%s","cadence":"WEEKLY","periodStart":"2025-01-06","periodEnd":"2025-01-12",\
                "percentComplete":%d,"text":"本周完成排查摸底","reporter":"李处长","reportedAt":"%s"}}"""
                .formatted(snapshot, TimeOrderedIds.at(now.toInstant()), (version - 1) * 10, time);
        return """
                {"specversion":"1.0","id":"%s","source":"/tasks-service","type":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","aggregatetype":"Task","aggregateversion":%d,"data":%s}"""
                .formatted(TimeOrderedIds.at(now.toInstant()), created ? "TaskCreated" : "TaskProgressReported", task, time, version, data);
    }
}
