package io.rectification.deploy;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.events.EventTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.rectification.deploy.DeploymentManifestsTest.ROOT;
import static io.rectification.deploy.DeploymentManifestsTest.SERVICES;
import static io.rectification.deploy.DeploymentManifestsTest.find;
import static io.rectification.deploy.Kustomize.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both overlays of deploy/k8s as `kubectl apply -k` would apply them: every reference resolves, and
 * the production overlay's custom resources are valid for the operators' published schemas and say
 * what the code needs (topics, ACLs from the code's producers and consumer groups, replicated
 * databases with backups, autoscaled services).
 */
class KustomizeOverlaysTest {

    static final Path OVERLAYS = ROOT.resolve("deploy/k8s/overlays");
    static final CrdSchemas CRDS = crds();
    /** Secrets an operator of the cluster creates before applying (named in the production kustomization). */
    static final Set<String> CREATED_BEFOREHAND = Set.of("backup-object-store", "rectification-tls");

    static CrdSchemas crds() {
        try {
            return new CrdSchemas(Path.of("src/test/resources/crds"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> render(String overlay) throws IOException {
        return Kustomize.render(OVERLAYS.resolve(overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    @SuppressWarnings("unchecked")
    void everyReferenceResolves(String overlay) throws IOException {
        List<Map<String, Object>> documents = render(overlay);
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> d : documents) {
            assertTrue(d.get("apiVersion") instanceof String && d.get("kind") instanceof String && name(d) != null, "resource " + d);
            assertTrue(seen.add(d.get("kind") + "/" + name(d)), "one " + d.get("kind") + " " + name(d));
        }
        Set<String> secrets = names(documents, "Secret");
        secrets.addAll(CREATED_BEFOREHAND);
        secrets.addAll(operatorSecrets(documents));
        Set<String> configMaps = names(documents, "ConfigMap");
        for (Map<String, Object> d : documents) {
            Map<String, Object> pod = podSpec(d);
            if (pod == null) {
                continue;
            }
            List<Map<String, Object>> containers = new ArrayList<>((List<Map<String, Object>>) pod.get("containers"));
            containers.addAll((List<Map<String, Object>>) pod.getOrDefault("initContainers", List.of()));
            for (Map<String, Object> c : containers) {
                for (Map<String, Object> from : (List<Map<String, Object>>) c.getOrDefault("envFrom", List.of())) {
                    refers(from, "configMapRef", configMaps, d);
                    refers(from, "secretRef", secrets, d);
                }
                for (Map<String, Object> env : (List<Map<String, Object>>) c.getOrDefault("env", List.of())) {
                    Map<String, Object> valueFrom = (Map<String, Object>) env.get("valueFrom");
                    if (valueFrom != null) {
                        refers(valueFrom, "secretKeyRef", secrets, d);
                        refers(valueFrom, "configMapKeyRef", configMaps, d);
                    }
                }
                Set<String> volumes = ((List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())).stream()
                        .map(v -> (String) v.get("name")).collect(Collectors.toSet());
                for (Map<String, Object> mount : (List<Map<String, Object>>) c.getOrDefault("volumeMounts", List.of())) {
                    boolean claim = d.get("spec") instanceof Map<?, ?> spec && spec.get("volumeClaimTemplates") != null;
                    assertTrue(volumes.contains(mount.get("name")) || claim, name(d) + " mounts a declared volume " + mount.get("name"));
                }
            }
            for (Map<String, Object> v : (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
                if (v.get("configMap") != null) {
                    assertTrue(configMaps.contains(((Map<String, Object>) v.get("configMap")).get("name")), name(d) + " volume " + v);
                }
                if (v.get("secret") != null) {
                    assertTrue(secrets.contains(((Map<String, Object>) v.get("secret")).get("secretName")), name(d) + " volume " + v);
                }
            }
        }
        for (Map<String, Object> service : of(documents, "Service")) {
            Map<String, Object> selector = (Map<String, Object>) ((Map<String, Object>) service.get("spec")).get("selector");
            assertTrue(workloads(documents).stream().anyMatch(w -> labels(w).entrySet().containsAll(selector.entrySet())),
                    "Service " + name(service) + " selects a workload");
        }
        for (Map<String, Object> ingress : of(documents, "Ingress")) {
            for (Object path : backends(DeploymentManifestsTest.yamlText(ingress), "name: (\\S+), port: \\{number: (\\d+)\\}")) {
                String[] target = ((String) path).split(":");
                Map<String, Object> service = find(documents, "Service", target[0]);
                assertTrue(DeploymentManifestsTest.yamlText(service).contains("port: " + target[1]), "Ingress reaches " + path);
            }
        }
        for (Map<String, Object> hpa : of(documents, "HorizontalPodAutoscaler")) {
            Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) hpa.get("spec")).get("scaleTargetRef");
            find(documents, (String) ref.get("kind"), (String) ref.get("name"));
        }
        for (Map<String, Object> pdb : of(documents, "PodDisruptionBudget")) {
            Map<String, Object> selector = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) pdb.get("spec"))
                    .get("selector")).get("matchLabels");
            assertTrue(workloads(documents).stream().anyMatch(w -> labels(w).entrySet().containsAll(selector.entrySet())),
                    "PodDisruptionBudget " + name(pdb) + " selects a workload");
        }
    }

    @Test
    void productionCustomResourcesAreValidForTheOperatorsSchemas() throws IOException {
        List<Map<String, Object>> documents = render("production");
        Set<String> kinds = new HashSet<>();
        for (Map<String, Object> d : documents) {
            String apiVersion = (String) d.get("apiVersion");
            if (apiVersion.contains("strimzi.io/") || apiVersion.contains("cnpg.io/") || apiVersion.contains("monitoring.coreos.com/")) {
                assertEquals(List.of(), CRDS.errors(d), d.get("kind") + " " + name(d));
                kinds.add((String) d.get("kind"));
            }
        }
        assertEquals(Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "ScheduledBackup",
                "PrometheusRule"), kinds);
    }

    /** Every metric an alert reads is one the code registers: a renamed meter must not leave an alert that can never fire. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertReadsAMetricTheServicesExport() throws IOException {
        Map<String, Object> rule = find(render("production"), "PrometheusRule", "rectification");
        Set<String> alerts = new HashSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups")) {
            for (Map<String, Object> alert : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) alert.get("alert"));
                ExportedMetrics.assertReadsExportedMetrics((String) alert.get("alert"), (String) alert.get("expr"));
                ReplicatedGauges.assertTakenOncePerReplicaSet((String) alert.get("alert"), (String) alert.get("expr"));
            }
        }
        assertEquals(Set.of("RectificationConsumerHalted", "RectificationConsumerLagging", "RectificationDeadLetters",
                "RectificationUnknownEventTypes", "RectificationReadModelsSlow", "RectificationOutboxStuck", "RectificationDatabaseUnreachable", "RectificationOverdueBacklogGrowing",
                "RectificationNoticeMailsFailed", "RectificationNoticeWebhooksDead", "RectificationAuditChainShrank"), alerts);
    }

    /**
     * The dead-letter alert reads the open ones (a gauge counted from the tables), so an operator's
     * replay or dismissal clears it; the count of those recorded since a start never falls.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDeadLetterAlertClearsOnceTheOperatorHasResolvedThem() throws IOException {
        Map<String, Object> rule = find(render("production"), "PrometheusRule", "rectification");
        String expr = ((List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .filter(alert -> "RectificationDeadLetters".equals(alert.get("alert")))
                .map(alert -> (String) alert.get("expr")).findFirst().orElseThrow();
        assertTrue(expr.contains("rectification_dead_letters_open"), expr);
        assertFalse(expr.contains("rectification_consumer_dead_letters_total"), expr);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMisspeltOrWrongFieldIsRefusedByTheSchemas() throws IOException {
        List<Map<String, Object>> documents = render("production");
        Map<String, Object> topic = find(documents, "KafkaTopic", EventTopics.TASKS);
        Map<String, Object> spec = (Map<String, Object>) topic.get("spec");
        spec.put("replcias", spec.remove("replicas"));
        assertTrue(CRDS.errors(topic).stream().anyMatch(e -> e.contains("replcias")), CRDS.errors(topic).toString());

        Map<String, Object> user = find(documents, "KafkaUser", "tasks-service");
        Map<String, Object> acl = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) user.get("spec"))
                .get("authorization")).get("acls")).get(0);
        acl.put("operations", List.of("Writ"));
        assertFalse(CRDS.errors(user).isEmpty(), "an operation Strimzi does not know");

        Map<String, Object> cluster = find(documents, "Cluster", "tasks-db");
        ((Map<String, Object>) cluster.get("spec")).put("instances", "three");
        assertFalse(CRDS.errors(cluster).isEmpty(), "instances must be a number");

        Map<String, Object> kafka = find(documents, "Kafka", "rectification");
        ((Map<String, Object>) ((Map<String, Object>) kafka.get("spec")).get("kafka")).put("replicas", 3);
        assertFalse(CRDS.errors(kafka).isEmpty(), "replicas belong to the node pools in KRaft");
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionKafkaHasThreeBrokersAndTheCodesTopicsReplicatedAndKeptForEver() throws IOException {
        List<Map<String, Object>> documents = render("production");
        int brokers = of(documents, "KafkaNodePool").stream().map(p -> (Map<String, Object>) p.get("spec"))
                .filter(s -> ((List<String>) s.get("roles")).contains("broker")).mapToInt(s -> (Integer) s.get("replicas")).sum();
        assertEquals(3, brokers, "brokers");
        assertEquals(Set.of(EventTopics.TASKS, EventTopics.FEEDBACK), names(documents, "KafkaTopic"));
        for (Map<String, Object> topic : of(documents, "KafkaTopic")) {
            Map<String, Object> spec = (Map<String, Object>) topic.get("spec");
            assertEquals(3, spec.get("replicas"), name(topic));
            Map<String, Object> config = (Map<String, Object>) spec.get("config");
            assertEquals(2, config.get("min.insync.replicas"), name(topic));
            assertEquals(-1, config.get("retention.ms"), name(topic));
            assertEquals(-1, config.get("retention.bytes"), name(topic));
        }
        Map<String, Object> kafka = find(documents, "Kafka", "rectification");
        String text = DeploymentManifestsTest.yamlText(kafka);
        assertTrue(text.contains("authentication: {type: scram-sha-512}") && text.contains("authorization: {type: simple}"), text);
        Map<String, Object> config = find(documents, "ConfigMap", "rectification-config");
        Map<String, Object> data = (Map<String, Object>) config.get("data");
        assertEquals("rectification-kafka-bootstrap:9093", data.get("KAFKA_BOOTSTRAP_SERVERS"), "Strimzi's bootstrap Service, TLS listener");
        assertEquals("SASL_SSL", data.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", data.get("KAFKA_SASL_MECHANISM"));
    }

    /** Topics a service writes: those its code appends to the outbox. */
    static Set<String> producedTopics(String service) throws IOException {
        Map<String, String> families = Map.of("TasksEvent", EventTopics.TASKS, "FeedbackEvent", EventTopics.FEEDBACK);
        Set<String> topics = new HashSet<>();
        for (String source : sources(service)) {
            // A service publishes the event records it makes (not the parts, a snapshot or channels,
            // which a reader may make too); each record's family has one topic.
            Matcher m = Pattern.compile("new (TasksEvent|FeedbackEvent)\\.(\\w+)\\(").matcher(source);
            while (m.find()) {
                String topic = families.get(m.group(1));
                if (EventContract.types(topic).containsKey(m.group(2))) {
                    topics.add(topic);
                }
            }
        }
        return topics;
    }

    /** Topics a service reads: those its event handlers name. */
    static Set<String> consumedTopics(String service) throws IOException {
        return topicsIn(service, "implements EventHandler[\\s\\S]*?List\\.of\\(EventTopics\\.(\\w+)");
    }

    static Set<String> topicsIn(String service, String regex) throws IOException {
        Map<String, String> constants = Map.of("TASKS", EventTopics.TASKS, "FEEDBACK", EventTopics.FEEDBACK);
        Set<String> topics = new HashSet<>();
        for (String source : sources(service)) {
            Matcher m = Pattern.compile(regex).matcher(source);
            while (m.find()) {
                topics.add(constants.get(m.group(1)));
            }
        }
        return topics;
    }

    /** The consumer groups a service joins: each handler's consumerName() and the rebuild's name + "-replay". */
    static Set<String> consumerGroups(String service) throws IOException {
        Set<String> groups = new HashSet<>();
        for (String source : sources(service)) {
            Matcher constant = Pattern.compile("String CONSUMER = \"([^\"]+)\"").matcher(source);
            if (source.contains("implements EventHandler") && constant.find()) {
                groups.add(constant.group(1));
            }
        }
        Properties properties = new Properties();
        properties.load(Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties")));
        String prefix = properties.getProperty("reporting.consumer-prefix");
        if (prefix != null) {
            groups.add(prefix + "-tasks");
            groups.add(prefix + "-feedback");
        }
        Set<String> withReplay = new HashSet<>(groups);
        groups.forEach(g -> withReplay.add(g + "-replay"));
        return withReplay;
    }

    static List<String> sources(String service) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceWritesOnlyItsOwnTopicReadsWhatItConsumesInItsOwnGroups() throws IOException {
        List<Map<String, Object>> documents = render("production");
        assertEquals(Set.of(EventTopics.TASKS), producedTopics("tasks-service"), "read from the code");
        assertEquals(Set.of("reporting-service-tasks", "reporting-service-feedback", "reporting-service-tasks-replay",
                "reporting-service-feedback-replay"), consumerGroups("reporting-service"), "read from the code");
        for (String service : SERVICES) {
            Map<String, Object> spec = (Map<String, Object>) find(documents, "KafkaUser", service).get("spec");
            assertEquals("scram-sha-512", ((Map<String, Object>) spec.get("authentication")).get("type"), service);
            Set<String> writes = new HashSet<>();
            Set<String> reads = new HashSet<>();
            List<Map<String, Object>> groupAcls = new ArrayList<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                List<String> operations = (List<String>) acl.get("operations");
                assertFalse(operations.contains("All") || "deny".equals(acl.get("type")), service + " " + acl);
                switch ((String) resource.get("type")) {
                    case "topic" -> {
                        assertEquals("literal", resource.get("patternType"), service + " names its topics exactly");
                        if (operations.contains("Write")) {
                            writes.add((String) resource.get("name"));
                        }
                        if (operations.contains("Read")) {
                            reads.add((String) resource.get("name"));
                        }
                        assertTrue(Set.of("Read", "Write", "Describe").containsAll(operations), service + " " + acl);
                    }
                    case "group" -> groupAcls.add(resource);
                    default -> throw new AssertionError(service + " has an ACL on " + resource + " (no transactional ids, no cluster rights)");
                }
            }
            assertEquals(producedTopics(service), writes, service + " writes only its own topic");
            assertEquals(consumedTopics(service), reads, service + " reads only what it consumes");
            Set<String> groups = consumerGroups(service);
            for (String group : groups) {
                assertTrue(groupAcls.stream().anyMatch(r -> covers(r, group)), service + " may use its group " + group);
            }
            for (Map<String, Object> acl : groupAcls) {
                assertTrue(groups.stream().anyMatch(g -> covers(acl, g)), service + " group ACL " + acl + " is for a group it uses");
                String name = (String) acl.get("name");
                assertTrue(name.startsWith(service), service + " group ACLs stay under its own name: " + name);
            }
        }
    }

    static boolean covers(Map<String, Object> resource, String group) {
        String name = (String) resource.get("name");
        return "prefix".equals(resource.get("patternType")) ? group.startsWith(name) : group.equals(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionDatabasesAreReplicatedClustersWithNightlyBackups() throws IOException {
        List<Map<String, Object>> documents = render("production");
        Map<String, String> databaseOfCluster = new HashMap<>();
        for (Map<String, Object> cluster : of(documents, "Cluster")) {
            Map<String, Object> spec = (Map<String, Object>) cluster.get("spec");
            assertEquals(3, spec.get("instances"), name(cluster));
            databaseOfCluster.put(name(cluster), (String) ((Map<String, Object>) ((Map<String, Object>) spec.get("bootstrap"))
                    .get("initdb")).get("database"));
            assertTrue(of(documents, "ScheduledBackup").stream().anyMatch(b -> name(cluster).equals(
                    ((Map<String, Object>) ((Map<String, Object>) b.get("spec")).get("cluster")).get("name"))), name(cluster) + " is backed up");
        }
        for (String service : SERVICES) {
            Map<String, String> env = env(find(documents, "Deployment", service));
            Matcher url = Pattern.compile("jdbc:postgresql://([a-z-]+)-rw:5432/(\\w+)").matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(url.matches(), service + " reaches a cluster's primary: " + env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(url.group(2), databaseOfCluster.get(url.group(1)), service + " database is its cluster's");
            assertEquals("secret " + url.group(1) + "-app/password", env.get("QUARKUS_DATASOURCE_PASSWORD"), service);
            assertEquals("secret " + service + "/sasl.jaas.config", env.get("KAFKA_SASL_JAAS_CONFIG"), service + " is its own Kafka user");
        }
        Map<String, String> keycloak = env(find(documents, "Deployment", "keycloak"));
        Matcher url = Pattern.compile("jdbc:postgresql://([a-z-]+)-rw:5432/(\\w+)").matcher(keycloak.get("KC_DB_URL"));
        assertTrue(url.matches() && url.group(2).equals(databaseOfCluster.get(url.group(1))), "Keycloak's database " + keycloak);
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionServicesAreAutoscaledWithADisruptionBudget() throws IOException {
        List<Map<String, Object>> documents = render("production");
        for (String service : SERVICES) {
            Map<String, Object> hpa = (Map<String, Object>) find(documents, "HorizontalPodAutoscaler", service).get("spec");
            assertTrue((Integer) hpa.get("minReplicas") >= 2, service + " keeps two instances");
            assertFalse(((Map<String, Object>) find(documents, "Deployment", service).get("spec")).containsKey("replicas"),
                    service + ": the autoscaler alone sets replicas");
            find(documents, "PodDisruptionBudget", service);
        }
    }

    /** Where kubectl is installed, its kustomize renders exactly what the test checks. */
    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void kubectlRendersTheSame(String overlay) throws Exception {
        assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl"))),
                "kubectl is not installed");
        Process process = new ProcessBuilder("kubectl", "kustomize", OVERLAYS.resolve(overlay).toString())
                .redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "kubectl kustomize " + overlay);
        Path rendered = Files.createTempFile("kustomize-", ".yaml");
        Files.writeString(rendered, out);
        assertEquals(normalised(DeploymentManifestsTest.yaml(rendered)), normalised(render(overlay)));
        Files.delete(rendered);
    }

    static Map<String, Object> normalised(List<Map<String, Object>> documents) {
        Map<String, Object> byName = new TreeMap<>();
        documents.forEach(d -> byName.put(d.get("kind") + "/" + name(d), sorted(d)));
        return byName;
    }

    @SuppressWarnings("unchecked")
    static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = list.stream().map(KustomizeOverlaysTest::sorted).collect(Collectors.toList());
            if (copy.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") instanceof String)) {
                copy.sort((a, b) -> ((String) ((Map<String, Object>) a).get("name")).compareTo((String) ((Map<String, Object>) b).get("name")));
            }
            return copy;
        }
        return node;
    }

    // ------------------------------------------------------------------ helpers

    /** The first container's environment: a value, or "secret name/key" for a secret reference. */
    @SuppressWarnings("unchecked")
    static Map<String, String> env(Map<String, Object> workload) {
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec(workload).get("containers")).get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            Map<String, Object> from = (Map<String, Object>) e.get("valueFrom");
            Map<String, Object> secret = from == null ? null : (Map<String, Object>) from.get("secretKeyRef");
            env.put((String) e.get("name"), secret != null ? "secret " + secret.get("name") + "/" + secret.get("key")
                    : String.valueOf(e.get("value")));
        }
        return env;
    }

    /** Secrets the operators write: a KafkaUser's credentials, the Kafka cluster's CA, a database's owner. */
    static Set<String> operatorSecrets(List<Map<String, Object>> documents) {
        Set<String> secrets = new HashSet<>();
        of(documents, "KafkaUser").forEach(u -> secrets.add(name(u)));
        of(documents, "Kafka").forEach(k -> secrets.add(name(k) + "-cluster-ca-cert"));
        of(documents, "Cluster").forEach(c -> secrets.add(name(c) + "-app"));
        return secrets;
    }

    @SuppressWarnings("unchecked")
    static void refers(Map<String, Object> holder, String key, Set<String> existing, Map<String, Object> by) {
        Map<String, Object> ref = (Map<String, Object>) holder.get(key);
        if (ref != null) {
            assertTrue(existing.contains(ref.get("name")), by.get("kind") + " " + name(by) + " refers to " + key + " " + ref.get("name"));
        }
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Set<String> names(List<Map<String, Object>> documents, String kind) {
        return of(documents, kind).stream().map(Kustomize::name).collect(Collectors.toCollection(HashSet::new));
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> documents) {
        return documents.stream().filter(d -> Set.of("Deployment", "StatefulSet").contains(d.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> labels(Map<String, Object> workload) {
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) workload.get("spec")).get("template");
        return (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("labels");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> podSpec(Map<String, Object> d) {
        if (!Set.of("Deployment", "StatefulSet", "Job").contains(d.get("kind"))) {
            return null;
        }
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) d.get("spec")).get("template");
        return (Map<String, Object>) template.get("spec");
    }

    static List<Object> backends(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<Object> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + ":" + m.group(2));
        }
        return found;
    }
}
