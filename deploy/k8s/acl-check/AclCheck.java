import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.*;
import org.apache.kafka.common.resource.*;
import org.apache.kafka.common.serialization.*;
import org.yaml.snakeyaml.Yaml;
import java.io.FileReader;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.TimeUnit;

/**
 * Applies the production overlay's KafkaUsers (SCRAM credentials and ACLs, as Strimzi's user
 * operator would) to a SCRAM-only broker with Kafka's StandardAuthorizer, then tries every
 * service's writes, reads, consumer groups and admin calls, allowed and forbidden, the way the
 * services make them (idempotent producer, acks=all). Exits 1 when any answer differs from the
 * expected one. Run by ./check, which starts and stops the broker.
 */
public class AclCheck {
    static String BOOT = "127.0.0.1:29392";
    static final String TASKS = "rectification.tasks.v1", FEEDBACK = "rectification.feedback.v1";

    static Map<String, Object> sasl(String user) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", BOOT);
        c.put("security.protocol", "SASL_PLAINTEXT");
        c.put("sasl.mechanism", "SCRAM-SHA-512");
        String pw = user.equals("admin") ? "admin-pw" : user + "-pw";
        c.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + pw + "\";");
        return c;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length > 1) {
            BOOT = "127.0.0.1:" + args[1];
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (Object d : new Yaml().loadAll(new FileReader(args[0]))) users.add((Map<String, Object>) d);
        try (Admin admin = Admin.create(sasl("admin"))) {
            try { admin.createTopics(List.of(new NewTopic(TASKS, 3, (short) 1), new NewTopic(FEEDBACK, 3, (short) 1))).all().get(); } catch (Exception already) { }
            List<UserScramCredentialAlteration> alts = new ArrayList<>();
            List<AclBinding> bindings = new ArrayList<>();
            for (Map<String, Object> u : users) {
                String name = (String) ((Map<String, Object>) u.get("metadata")).get("name");
                alts.add(new UserScramCredentialUpsertion(name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), name + "-pw"));
                Map<String, Object> spec = (Map<String, Object>) u.get("spec");
                for (Map<String, Object> acl : (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls")) {
                    Map<String, Object> r = (Map<String, Object>) acl.get("resource");
                    ResourcePattern pattern = new ResourcePattern(ResourceType.fromString(((String) r.get("type")).toUpperCase()),
                            (String) r.get("name"), "prefix".equals(r.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL);
                    for (String op : (List<String>) acl.get("operations")) {
                        bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + name, "*",
                                AclOperation.fromString(op.toUpperCase()), AclPermissionType.ALLOW)));
                    }
                }
            }
            admin.alterUserScramCredentials(alts).all().get();
            admin.createAcls(bindings).all().get();
            System.out.println("created " + alts.size() + " users, " + bindings.size() + " ACL bindings");
        }
        Thread.sleep(2000);
        Map<String, String> own = Map.of("tasks-service", TASKS, "feedback-service", FEEDBACK);
        for (String user : List.of("tasks-service", "feedback-service", "reporting-service")) {
            for (String topic : List.of(TASKS, FEEDBACK)) {
                expect(topic.equals(own.get(user)), String.format("%-18s produce %-26s", user, topic), produce(user, topic));
            }
        }
        // user, topic, group, allowed?
        String[][] reads = {
            {"tasks-service", FEEDBACK, "tasks-service.feedback-escalations", "yes"},
            {"tasks-service", FEEDBACK, "tasks-service.feedback-escalations-replay", "yes"},
            {"tasks-service", TASKS, "tasks-service.feedback-escalations", "no"},
            {"tasks-service", FEEDBACK, "reporting-service-feedback", "no"},
            {"feedback-service", TASKS, "feedback-service.tasks-events", "yes"},
            {"feedback-service", FEEDBACK, "feedback-service.tasks-events", "no"},
            {"feedback-service", TASKS, "tasks-service.feedback-escalations", "no"},
            {"reporting-service", TASKS, "reporting-service-tasks", "yes"},
            {"reporting-service", FEEDBACK, "reporting-service-feedback", "yes"},
            {"reporting-service", TASKS, "reporting-service-tasks-replay", "yes"},
            {"reporting-service", FEEDBACK, "tasks-service.feedback-escalations", "no"},
        };
        for (String[] r : reads) {
            expect(r[3].equals("yes"), String.format("%-18s consume %-26s group %-42s", r[0], r[1], r[2]), consume(r[0], r[1], r[2]));
        }
        // reporting-service's KafkaOffsets: topic descriptions, end offsets, a group's committed offsets.
        try (Admin admin = Admin.create(sasl("reporting-service"))) {
            String result;
            try {
                var d = admin.describeTopics(List.of(TASKS, FEEDBACK)).allTopicNames().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> req = new HashMap<>();
                d.values().forEach(t -> t.partitions().forEach(p -> req.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(req).all().get(10, TimeUnit.SECONDS);
                admin.listConsumerGroupOffsets("reporting-service-tasks").partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                result = "ALLOWED";
            } catch (Exception e) {
                result = "DENIED " + e.getCause();
            }
            expect(true, "reporting-service  admin: describe topics, list offsets, group offsets", result);
        }
        System.out.println(failures == 0 ? "all as expected" : failures + " unexpected");
        System.exit(failures == 0 ? 0 : 1);
    }

    static int failures;

    static void expect(boolean allowed, String what, String result) {
        boolean ok = result.startsWith("ALLOWED") == allowed;
        if (!ok) {
            failures++;
        }
        System.out.printf("%s %s  (expected %s)%s%n", what, result, allowed ? "allowed" : "denied", ok ? "" : "  <-- UNEXPECTED");
    }

    static String produce(String user, String topic) {
        Map<String, Object> c = sasl(user);
        c.put("acks", "all");
        c.put("enable.idempotence", true);
        c.put("max.block.ms", 8000);
        c.put("delivery.timeout.ms", 10000);
        c.put("request.timeout.ms", 5000);
        try (Producer<String, String> p = new KafkaProducer<>(c, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, "k", "v")).get(15, TimeUnit.SECONDS);
            return "ALLOWED";
        } catch (Exception e) {
            Throwable t = e.getCause() != null ? e.getCause() : e;
            return "DENIED (" + t.getClass().getSimpleName() + ")";
        }
    }

    static String consume(String user, String topic, String group) {
        Map<String, Object> c = sasl(user);
        c.put("group.id", group);
        c.put("auto.offset.reset", "earliest");
        c.put("enable.auto.commit", false);
        try (Consumer<String, String> k = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            k.subscribe(List.of(topic));
            int got = 0;
            // Up to 2 min: the first group on a fresh broker waits for __consumer_offsets to be made,
            // which took more than 15 s on a loaded machine. It stops at the first record.
            long end = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < end && got == 0) {
                got += k.poll(Duration.ofMillis(500)).count();
            }
            k.commitSync();
            return got > 0 ? "ALLOWED (read " + got + ", committed)" : "no records within 120 s";
        } catch (Exception e) {
            return "DENIED (" + e.getClass().getSimpleName() + ")";
        }
    }
}
