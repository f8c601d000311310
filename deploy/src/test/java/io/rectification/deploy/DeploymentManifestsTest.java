package io.rectification.deploy;

import io.rectification.platform.events.EventTopics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The compose file and the Kubernetes manifests cannot run here (no container engine), so they are
 * checked against the code: every service they name is a module of this build with a Dockerfile,
 * every port is the one the service listens on, every environment variable sets a configuration
 * key the service has, every database is created, and the topics are the ones the code uses.
 */
class DeploymentManifestsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("tasks-service", "feedback-service", "reporting-service");
    static final int CONTAINER_PORT = 8080;
    static final Set<String> TOPICS = Set.of(EventTopics.TASKS, EventTopics.FEEDBACK);

    @Test
    void everyServiceModuleIsInTheBuild() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        try (Stream<Path> dirs = Files.list(ROOT)) {
            Set<String> modules = dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .map(d -> d.getFileName().toString()).collect(Collectors.toSet());
            assertEquals(Set.copyOf(SERVICES), modules, "service modules on disk");
        }
        SERVICES.forEach(s -> assertTrue(pom.contains("<module>" + s + "</module>"), s + " is a module of the build"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeNamesOnlyWhatTheCodeHas() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Set<String> expected = new HashSet<>(SERVICES);
        expected.addAll(Set.of("postgres", "kafka", "kafka-topics"));
        assertEquals(expected, services.keySet(), "compose services");
        String initdb = Files.readString(ROOT.resolve("deploy/compose/initdb/01-databases.sql"));

        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            Path context = ROOT.resolve("deploy/compose").resolve((String) build.get("context")).normalize();
            assertEquals(ROOT.resolve(name), context, name + " builds from its module");
            assertTrue(Files.exists(context.resolve((String) build.get("dockerfile"))), name + " Dockerfile exists");

            Map<String, Object> env = stringKeys((Map<Object, Object>) service.get("environment"));
            assertKnownVariables(name, env.keySet());
            assertEquals(String.valueOf(CONTAINER_PORT), String.valueOf(env.get("QUARKUS_HTTP_PORT")), name + " port");
            List<String> ports = (List<String>) service.get("ports");
            assertEquals(List.of(localPort(name) + ":" + CONTAINER_PORT), ports, name + " publishes its local port");
            String database = databaseOf((String) env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(initdb.contains("CREATE DATABASE " + database + " "), name + " database " + database + " is created");
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), name + " reaches the broker service");
        }
        List<String> command = (List<String>) services.get("kafka-topics").get("command");
        assertEquals(TOPICS, topicsIn(String.join(" ", command)), "topics created by compose");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestsNameOnlyWhatTheCodeHas() throws IOException {
        Path dir = ROOT.resolve("deploy/k8s");
        Map<String, Object> kustomization = yaml(dir.resolve("kustomization.yaml")).get(0);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : (List<String>) kustomization.get("resources")) {
            assertTrue(Files.exists(dir.resolve(resource)), "kustomization resource " + resource + " exists");
            documents.addAll(yaml(dir.resolve(resource)));
        }
        Set<String> images = ((List<Map<String, Object>>) kustomization.get("images")).stream()
                .map(i -> (String) i.get("name")).collect(Collectors.toSet());

        Map<String, Object> config = stringKeys((Map<Object, Object>) find(documents, "ConfigMap", "rectification-config").get("data"));
        Map<String, Object> secret = stringKeys((Map<Object, Object>) find(documents, "Secret", "rectification-db").get("stringData"));
        String initdb = (String) ((Map<String, Object>) find(documents, "ConfigMap", "postgres-initdb").get("data")).get("01-databases.sql");

        for (String name : SERVICES) {
            Map<String, Object> deployment = find(documents, "Deployment", name);
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                    .get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertTrue(images.contains((String) container.get("image")), name + " image is managed by kustomization");

            Set<String> variables = new HashSet<>(config.keySet());
            variables.addAll(secret.keySet());
            String jdbcUrl = null;
            for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
                variables.add((String) env.get("name"));
                if ("QUARKUS_DATASOURCE_JDBC_URL".equals(env.get("name"))) {
                    jdbcUrl = (String) env.get("value");
                }
            }
            assertKnownVariables(name, variables);
            assertTrue(initdb.contains("CREATE DATABASE " + databaseOf(jdbcUrl) + " "), name + " database is created");

            int containerPort = (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
            assertEquals(Integer.parseInt((String) config.get("QUARKUS_HTTP_PORT")), containerPort, name + " container port");
            Map<String, Object> service = find(documents, "Service", name);
            int targetPort = (Integer) ((List<Map<String, Object>>) ((Map<String, Object>) service.get("spec")).get("ports")).get(0).get("targetPort");
            assertEquals(containerPort, targetPort, name + " Service targets the container port");
            assertEquals("/q/health/ready", ((Map<String, Object>) ((Map<String, Object>) container.get("readinessProbe")).get("httpGet")).get("path"));
            assertEquals("/q/health/live", ((Map<String, Object>) ((Map<String, Object>) container.get("livenessProbe")).get("httpGet")).get("path"));
        }
        Map<String, Object> job = find(documents, "Job", "kafka-topics");
        assertEquals(TOPICS, topicsIn(yamlText(job)), "topics created by the Kubernetes job");
    }

    /** An environment variable must set a key the service's application.properties has (Quarkus maps FOO_BAR to foo.bar). */
    static void assertKnownVariables(String service, Set<String> variables) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Set<String> known = properties.stringPropertyNames().stream()
                .map(key -> key.replaceFirst("^%[^.]+\\.", ""))
                .map(key -> key.toUpperCase().replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.toSet());
        List<String> unknown = variables.stream().filter(v -> !known.contains(v)).sorted().toList();
        assertTrue(unknown.isEmpty(), service + " has no configuration key for " + unknown);
    }

    static int localPort(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    static String databaseOf(String jdbcUrl) {
        assertFalse(jdbcUrl == null, "a JDBC URL is set");
        Matcher m = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)").matcher(jdbcUrl);
        assertTrue(m.find(), "JDBC URL names a database: " + jdbcUrl);
        return m.group(1);
    }

    static Set<String> topicsIn(String text) {
        Matcher m = Pattern.compile("for t in ([^;]+);").matcher(text);
        if (!m.find()) {
            fail("no topic loop in " + text);
        }
        return Set.of(m.group(1).trim().split("\\s+"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .filter(d -> name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static Map<String, Object> stringKeys(Map<Object, Object> map) {
        return map.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue));
    }

    static String yamlText(Object document) {
        return new Yaml().dump(document).replace("\n", " ").replaceAll("\\s+", " ");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }
}
