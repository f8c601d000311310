package io.rectification.deploy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rectification.deploy.DeploymentManifestsTest.ROOT;
import static io.rectification.deploy.DeploymentManifestsTest.SERVICES;
import static io.rectification.deploy.DeploymentManifestsTest.find;
import static io.rectification.deploy.DeploymentManifestsTest.stringKeys;
import static io.rectification.deploy.DeploymentManifestsTest.yaml;
import static io.rectification.deploy.DeploymentManifestsTest.yamlText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compose and the development overlay grant the same Kafka rights as production: the ACLs their
 * set-up commands add (kafka-acls.sh) are the production overlay's KafkaUsers, binding for binding,
 * and each service connects with SCRAM-SHA-512 as its own user. (The local stack reads the
 * KafkaUsers file itself; the fault suite tries the grants on a real broker.)
 */
@Tag("fast")
class KafkaUsersTest {

    private static final Pattern ACL = Pattern.compile(
            "--allow-principal User:(\\S+)((?: --operation \\S+)+) --(topic|group) (\\S+?)(;|\\s|$)( ?--resource-pattern-type prefixed)?");

    @Test
    @SuppressWarnings("unchecked")
    void composeGrantsWhatProductionGrants() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("services");
        String setup = String.join(" ", (List<String>) services.get("kafka-topics").get("command"));
        assertEquals(production(), granted(setup), "compose's ACLs");
        for (String service : SERVICES) {
            Map<String, Object> env = stringKeys((Map<Object, Object>) services.get(service).get("environment"));
            assertEquals("SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), service);
            assertTrue(String.valueOf(env.get("KAFKA_SASL_JAAS_CONFIG")).contains("ScramLoginModule required username=\"" + service + "\""),
                    service + " connects as its own user");
            assertTrue(setup.contains("--entity-name " + service + " --add-config \"SCRAM-SHA-512="), service + "'s user is made");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void developmentOverlayGrantsWhatProductionGrants() throws IOException {
        List<Map<String, Object>> documents = Kustomize.render(ROOT.resolve("deploy/k8s/overlays/development"));
        assertEquals(production(), granted(yamlText(find(documents, "Job", "kafka-topics"))), "the development Job's ACLs");
        Map<String, Object> config = stringKeys((Map<Object, Object>) find(documents, "ConfigMap", "rectification-config").get("data"));
        assertEquals("SASL_PLAINTEXT", config.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM"));
        for (String service : SERVICES) {
            Map<String, Object> secret = find(documents, "Secret", service);
            assertTrue(String.valueOf(((Map<String, Object>) secret.get("stringData")).get("sasl.jaas.config"))
                    .contains("username=\"" + service + "\""), service + "'s Secret holds its own user");
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    find(documents, "Deployment", service).get("spec")).get("template")).get("spec");
            List<Map<String, Object>> env = (List<Map<String, Object>>) ((List<Map<String, Object>>) pod.get("containers")).get(0).get("env");
            Map<String, Object> jaas = env.stream().filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no KAFKA_SASL_JAAS_CONFIG"));
            Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) jaas.get("valueFrom")).get("secretKeyRef");
            assertEquals(Map.of("name", service, "key", "sasl.jaas.config"), ref, service + " reads its JAAS line from its Secret");
        }
    }

    @Test
    void theLocalStackReadsTheProductionUsers() throws IOException {
        String stack = Files.readString(ROOT.resolve("deploy/local/stack"));
        assertTrue(stack.contains("KAFKA_USERS=$ROOT/deploy/k8s/overlays/production/kafka-users.yaml"), "the stack's users");
    }

    /**
     * An integrator (an outside system reading the events) reads both topics and nothing else: no
     * write, no cluster right, consumer groups only under its own name, so it cannot move the offsets
     * of a service's group. Production declares it and the local stack makes it from the same file.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anIntegratorOnlyReadsTheTopicsUnderGroupsOfItsOwn() throws IOException {
        List<Map<String, Object>> integrators = yaml(ROOT.resolve("deploy/k8s/overlays/production/kafka-integrators.yaml"));
        assertTrue(!integrators.isEmpty(), "at least the integration-reader");
        for (Map<String, Object> user : integrators) {
            String name = (String) ((Map<String, Object>) user.get("metadata")).get("name");
            Map<String, Object> spec = (Map<String, Object>) user.get("spec");
            assertEquals("scram-sha-512", ((Map<String, Object>) spec.get("authentication")).get("type"), name);
            Set<String> bindings = new TreeSet<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                for (String operation : (List<String>) acl.get("operations")) {
                    bindings.add(String.join(" ", (String) resource.get("type"), (String) resource.get("name"),
                            (String) resource.get("patternType"), operation));
                }
            }
            assertEquals(Set.of("topic rectification.tasks.v1 literal Read", "topic rectification.tasks.v1 literal Describe",
                    "topic rectification.feedback.v1 literal Read", "topic rectification.feedback.v1 literal Describe",
                    "group " + name + ". prefix Read", "group " + name + ". prefix Describe"), bindings, name);
        }
        assertTrue(Files.readString(ROOT.resolve("deploy/k8s/overlays/production/kustomization.yaml"))
                .contains("- kafka-integrators.yaml"), "production applies them");
        String stack = Files.readString(ROOT.resolve("deploy/local/stack"));
        assertTrue(stack.contains("KAFKA_INTEGRATORS=$ROOT/deploy/k8s/overlays/production/kafka-integrators.yaml")
                && stack.contains("\"$KAFKA_USERS,$KAFKA_INTEGRATORS\""), "the stack makes them");
    }

    /** "user topic|group name literal|prefixed operation" for every binding of the KafkaUsers. */
    @SuppressWarnings("unchecked")
    static Set<String> production() throws IOException {
        Set<String> bindings = new TreeSet<>();
        for (Map<String, Object> user : yaml(ROOT.resolve("deploy/k8s/overlays/production/kafka-users.yaml"))) {
            String name = (String) ((Map<String, Object>) user.get("metadata")).get("name");
            Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) user.get("spec")).get("authorization");
            for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                String pattern = "prefix".equals(resource.get("patternType")) ? "prefixed" : "literal";
                for (String operation : (List<String>) acl.get("operations")) {
                    bindings.add(String.join(" ", name, (String) resource.get("type"), (String) resource.get("name"), pattern, operation));
                }
            }
        }
        return bindings;
    }

    static Set<String> granted(String commands) {
        Set<String> bindings = new TreeSet<>();
        Matcher acl = ACL.matcher(commands.replaceAll("\\s+", " "));
        while (acl.find()) {
            String pattern = acl.group(6) == null ? "literal" : "prefixed";
            for (String operation : acl.group(2).trim().replace("--operation ", "").split(" ")) {
                bindings.add(String.join(" ", acl.group(1), acl.group(3), acl.group(4), pattern, operation));
            }
        }
        return bindings;
    }
}
