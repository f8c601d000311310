import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.yaml.snakeyaml.Yaml;

import java.io.FileInputStream;
import java.io.FileReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes the local stack's broker ready for the services, as Strimzi's topic and user operators do
 * in production, in one JVM (each Kafka tool would start its own): the topics, one SCRAM-SHA-512
 * user per service and per integrator and each user's ACLs, all read from the production overlay's
 * KafkaUsers (deploy/k8s/overlays/production/kafka-users.yaml, kafka-integrators.yaml), so the local
 * broker grants exactly what production grants. Safe to run again: existing topics stay, credentials
 * are set again (same passwords), existing ACL bindings are left as they are.
 *
 * <pre>java -cp "CLASSES:.local/kafka-lib/*" KafkaSetup ADMIN_CLIENT_PROPERTIES KAFKA_USERS_YAML[,MORE_YAML] SECRETS_DIR PARTITIONS TOPIC...</pre>
 * SECRETS_DIR holds kafka-USER.password for each user (deploy/local/stack makes them).
 */
public class KafkaSetup {

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        try (FileInputStream in = new FileInputStream(args[0])) {
            client.load(in);
        }
        String secrets = args[2];
        int partitions = Integer.parseInt(args[3]);
        List<String> topics = List.of(args).subList(4, args.length);
        try (Admin admin = Admin.create(client)) {
            createTopics(admin, topics, partitions);
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (String file : args[1].split(",")) {
                for (Object document : new Yaml().loadAll(new FileReader(file))) {
                    KafkaUser user = KafkaUser.of(document);
                    users.add(new UserScramCredentialUpsertion(user.name(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(secrets, user.name())));
                    acls.addAll(user.acls());
                }
            }
            admin.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
            System.out.println("kafka: topics " + topics + "; " + users.size() + " SCRAM-SHA-512 users with "
                    + acls.size() + " ACL bindings");
        }
    }

    private static void createTopics(Admin admin, List<String> topics, int partitions) throws Exception {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, partitions, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static String password(String secrets, String user) throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of(secrets, "kafka-" + user + ".password")).trim();
    }

    /** One KafkaUser document: its name and its ACLs as Kafka's bindings. */
    record KafkaUser(String name, List<AclBinding> acls) {

        @SuppressWarnings("unchecked")
        static KafkaUser of(Object document) {
            Map<String, Object> user = (Map<String, Object>) document;
            String name = (String) ((Map<String, Object>) user.get("metadata")).get("name");
            Map<String, Object> spec = (Map<String, Object>) user.get("spec");
            List<AclBinding> bindings = new ArrayList<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls")) {
                Map<String, Object> resource = new HashMap<>((Map<String, Object>) acl.get("resource"));
                ResourcePattern pattern = new ResourcePattern(
                        ResourceType.fromString(((String) resource.get("type")).toUpperCase()),
                        (String) resource.get("name"),
                        "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL);
                for (String operation : (List<String>) acl.get("operations")) {
                    bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + name, "*",
                            AclOperation.fromString(operation.toUpperCase()), AclPermissionType.ALLOW)));
                }
            }
            return new KafkaUser(name, bindings);
        }
    }
}
