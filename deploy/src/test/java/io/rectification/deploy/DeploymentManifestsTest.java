package io.rectification.deploy;

import io.rectification.deploy.images.ImageExpectations;
import io.rectification.platform.events.EventTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * The compose file and the Kubernetes manifests are checked against the code in every build (running
 * compose takes minutes and an engine: deploy/images/run-check): every service they name is a module
 * of this build, run from the image deploy/images/build makes (ImageExpectations), every port is the one the service listens on, every environment variable sets a configuration
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
        expected.addAll(Set.of("postgres", "kafka", "kafka-topics", "keycloak", "gateway", "console", "mail", "jaeger"));
        assertEquals(expected, services.keySet(), "compose services");
        String initdb = Files.readString(ROOT.resolve("deploy/compose/initdb/01-databases.sql"));

        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            assertEquals(ImageExpectations.imageName(name), service.get("image"), name + " runs the image deploy/images/build makes");
            assertFalse(service.containsKey("build"), name + " is not built from a Dockerfile");

            Map<String, Object> env = stringKeys((Map<Object, Object>) service.get("environment"));
            assertKnownVariables(name, env.keySet());
            assertEquals(String.valueOf(CONTAINER_PORT), String.valueOf(env.get("QUARKUS_HTTP_PORT")), name + " port");
            List<String> ports = (List<String>) service.get("ports");
            assertEquals(1, ports.size(), name + " publishes one port");
            assertEquals(localPort(name), defaultHostPort(ports.get(0)), name + " publishes its local port by default");
            assertTrue(ports.get(0).endsWith(":" + CONTAINER_PORT), name + " publishes the port it listens on: " + ports);
            String database = databaseOf((String) env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(initdb.contains("CREATE DATABASE " + database + " "), name + " database " + database + " is created");
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), name + " reaches the broker service");
        }
        for (String volume : (List<String>) services.get("gateway").get("volumes")) {
            if (volume.endsWith("nginx.conf:ro")) {
                assertEquals(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf"),
                        ROOT.resolve("deploy/compose").resolve(volume.split(":")[0]).normalize(), "compose's gateway runs the shared nginx.conf");
            }
        }
        assertTrue(((List<String>) services.get("keycloak").get("volumes")).get(0)
                .startsWith("../local/keycloak/realm-rectification.json:"), "Keycloak imports the local realm");
        Map<String, Object> keycloak = stringKeys((Map<Object, Object>) services.get("keycloak").get("environment"));
        assertTrue(initdb.contains("CREATE DATABASE " + databaseOf((String) keycloak.get("KC_DB_URL")) + " "), "Keycloak's database is created");
        List<String> command = (List<String>) services.get("kafka-topics").get("command");
        assertEquals(TOPICS, topicsIn(String.join(" ", command)), "topics created by compose");
    }

    /**
     * The gateway is the only way in (docs/security.md): every other port compose publishes (the services'
     * own, with /q/metrics and /q/health; Jaeger's UI with every trace; mail) listens on the host's loopback
     * only, not on the LAN (operator review #10).
     */
    @Test
    @SuppressWarnings("unchecked")
    void composePublishesOnlyTheGatewayBeyondTheHost() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("services");
        services.forEach((name, service) -> {
            if (!name.equals("gateway")) {
                for (String port : (List<String>) service.getOrDefault("ports", List.of())) {
                    assertTrue(port.startsWith("127.0.0.1:"), name + " publishes " + port + " on the loopback only");
                }
            }
        });
    }

    /**
     * The gateway's host port is also in the addresses the browser is sent to (Keycloak's issuer and
     * hostname, CORS, the notices' link): RECT_GATEWAY_PORT moves them together, or sign-in and every
     * token's issuer check would point at a port nothing listens on (deploy/images/run-check moves it).
     */
    @Test
    @SuppressWarnings("unchecked")
    void composesGatewayPortMovesItsAddressesWithIt() throws IOException {
        String text = Files.readString(ROOT.resolve("deploy/compose/docker-compose.yml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("services");
        String port = "${RECT_GATEWAY_PORT:-8180}";
        assertEquals(List.of(port + ":" + CONTAINER_PORT), services.get("gateway").get("ports"), "the gateway's port");
        String settings = text.replaceAll("(?m)^\\s*#.*$", "");
        assertFalse(settings.contains("localhost:8180"), "no address of the gateway with its port fixed");
        int seen = settings.split(Pattern.quote("http://localhost:" + port), -1).length - 1;
        assertTrue(seen >= 5, "issuer, CORS, notices, Keycloak's hostname and gateway URL: " + seen);
    }

    /**
     * Compose's gateway serves the console image's files as Kubernetes' does: a one-off service runs
     * the image deploy/images/build makes with the gateway's init container's command, into a
     * volume the gateway mounts read-only once the copy has finished; nothing from the source tree.
     */
    @Test
    @SuppressWarnings("unchecked")
    void composeServesTheConsoleImageAsKubernetesDoes() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("services");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                find(Kustomize.render(ROOT.resolve("deploy/k8s/overlays/production")), "Deployment", "gateway")
                        .get("spec")).get("template")).get("spec");
        Map<String, Object> init = ((List<Map<String, Object>>) pod.get("initContainers")).get(0);
        String servedFrom = "/usr/share/rectification/console";

        Map<String, Object> console = services.get("console");
        assertEquals(ImageExpectations.imageName(ImageExpectations.CONSOLE), console.get("image"), "the console image");
        assertEquals(init.get("command"), console.get("command"), "the command of Kubernetes' init container");
        String volume = volumeAt((List<String>) console.get("volumes"), servedFrom, "the copy's volume");
        assertTrue(((Map<String, Object>) yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("volumes"))
                .containsKey(volume), "a named volume, not a directory of the host");

        Map<String, Object> gateway = services.get("gateway");
        List<String> mounts = (List<String>) gateway.get("volumes");
        assertEquals(volume, volumeAt(mounts, servedFrom, "the gateway's console"), "the gateway serves the copy");
        assertTrue(mounts.stream().anyMatch(m -> m.startsWith(volume + ":" + servedFrom + ":ro")), "read-only: " + mounts);
        assertFalse(mounts.stream().anyMatch(m -> m.contains("console/dist")), "nothing of the source tree: " + mounts);
        Map<String, Object> after = (Map<String, Object>) ((Map<String, Object>) gateway.get("depends_on")).get("console");
        assertEquals("service_completed_successfully", after.get("condition"), "the gateway starts once the copy is done");
    }

    /** The source of the mount at {@code target} in a compose service's volumes. */
    private static String volumeAt(List<String> volumes, String target, String what) {
        return volumes.stream().map(v -> v.split(":")).filter(v -> v[1].equals(target)).map(v -> v[0]).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": nothing mounted at " + target + " in " + volumes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    @SuppressWarnings("unchecked")
    void kubernetesManifestsNameOnlyWhatTheCodeHas(String overlay) throws IOException {
        List<Map<String, Object>> documents = Kustomize.render(ROOT.resolve("deploy/k8s/overlays").resolve(overlay));
        Map<String, Object> config = stringKeys((Map<Object, Object>) find(documents, "ConfigMap", "rectification-config").get("data"));

        for (String name : SERVICES) {
            Map<String, Object> deployment = find(documents, "Deployment", name);
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                    .get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertEquals(ImageExpectations.imageName(name), container.get("image"), name + " runs the image deploy/images/build makes");

            Set<String> variables = new HashSet<>();
            for (Map<String, Object> from : (List<Map<String, Object>>) container.get("envFrom")) {
                if (from.get("configMapRef") != null) {
                    Map<String, Object> ref = (Map<String, Object>) from.get("configMapRef");
                    variables.addAll(((Map<Object, Object>) find(documents, "ConfigMap", (String) ref.get("name")).get("data"))
                            .keySet().stream().map(String::valueOf).toList());
                }
                if (from.get("secretRef") != null) {
                    Map<String, Object> ref = (Map<String, Object>) from.get("secretRef");
                    variables.addAll(((Map<Object, Object>) find(documents, "Secret", (String) ref.get("name")).get("stringData"))
                            .keySet().stream().map(String::valueOf).toList());
                }
            }
            String jdbcUrl = null;
            for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
                variables.add((String) env.get("name"));
                if ("QUARKUS_DATASOURCE_JDBC_URL".equals(env.get("name"))) {
                    jdbcUrl = (String) env.get("value");
                }
            }
            assertKnownVariables(name, variables);
            if (overlay.equals("development")) {
                String initdb = (String) ((Map<String, Object>) find(documents, "ConfigMap", "postgres-initdb").get("data")).get("01-databases.sql");
                assertTrue(initdb.contains("CREATE DATABASE " + databaseOf(jdbcUrl) + " "), name + " database is created");
            } else {
                databaseOf(jdbcUrl); // the production clusters: KustomizeOverlaysTest
            }

            int containerPort = (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
            assertEquals(Integer.parseInt((String) config.get("QUARKUS_HTTP_PORT")), containerPort, name + " container port");
            Map<String, Object> service = find(documents, "Service", name);
            Map<String, Object> port = ((List<Map<String, Object>>) ((Map<String, Object>) service.get("spec")).get("ports")).get(0);
            assertEquals(containerPort, port.get("targetPort"), name + " Service targets the container port");
            assertEquals(CONTAINER_PORT, port.get("port"), name + " Service port is the one the gateway's nginx.conf uses");
            assertEquals("/q/health/ready", ((Map<String, Object>) ((Map<String, Object>) container.get("readinessProbe")).get("httpGet")).get("path"));
            assertEquals("/q/health/live", ((Map<String, Object>) ((Map<String, Object>) container.get("livenessProbe")).get("httpGet")).get("path"));
        }
        if (overlay.equals("development")) {
            Map<String, Object> job = find(documents, "Job", "kafka-topics");
            assertEquals(TOPICS, topicsIn(yamlText(job)), "topics created by the Kubernetes job");
            String initdb = (String) ((Map<String, Object>) find(documents, "ConfigMap", "postgres-initdb").get("data")).get("01-databases.sql");
            assertTrue(initdb.contains("CREATE DATABASE rectification_keycloak "), "Keycloak's database is created");
        }
    }

    /**
     * Mail: compose and the development overlay run GreenMail standalone, the version the local stack
     * runs, and reporting-service sends to it on its SMTP port; the production overlay sends through an
     * SMTP relay with STARTTLS and a login from a Secret, and runs no GreenMail.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mailGoesToGreenMailInDevelopmentAndThroughARelayInProduction() throws IOException {
        Matcher version = Pattern.compile("GREENMAIL_VERSION=\\$\\{RECT_GREENMAIL_VERSION:-([0-9.]+)\\}")
                .matcher(Files.readString(ROOT.resolve("deploy/local/stack")));
        assertTrue(version.find(), "the stack's GreenMail version");
        String image = "greenmail/standalone:" + version.group(1);

        Map<String, Map<String, Object>> compose = (Map<String, Map<String, Object>>)
                yaml(ROOT.resolve("deploy/compose/docker-compose.yml")).get(0).get("services");
        assertEquals(image, compose.get("mail").get("image"), "compose's mail server");
        Map<String, Object> reporting = stringKeys((Map<Object, Object>) compose.get("reporting-service").get("environment"));
        assertEquals("mail", reporting.get("QUARKUS_MAILER_HOST"));
        assertSmtpPortOpened(String.valueOf(reporting.get("QUARKUS_MAILER_PORT")),
                String.valueOf(((Map<String, Object>) compose.get("mail").get("environment")).get("GREENMAIL_OPTS")));

        List<Map<String, Object>> development = Kustomize.render(ROOT.resolve("deploy/k8s/overlays/development"));
        Map<String, Object> mail = stringKeys((Map<Object, Object>) find(development, "ConfigMap", "rectification-mail").get("data"));
        assertEquals("mail", mail.get("QUARKUS_MAILER_HOST"));
        Map<String, Object> greenMail = container(find(development, "Deployment", "mail"));
        assertEquals(image, greenMail.get("image"), "the development overlay's mail server");
        assertSmtpPortOpened((String) mail.get("QUARKUS_MAILER_PORT"),
                (String) ((List<Map<String, Object>>) greenMail.get("env")).get(0).get("value"));
        List<Map<String, Object>> servicePorts = (List<Map<String, Object>>)
                ((Map<String, Object>) find(development, "Service", "mail").get("spec")).get("ports");
        assertTrue(servicePorts.stream().anyMatch(port -> mail.get("QUARKUS_MAILER_PORT").equals(String.valueOf(port.get("port")))),
                "the Service mail answers on the port reporting-service sends to");
        assertTrue(envFromNames(container(find(development, "Deployment", "reporting-service"))).contains("rectification-mail"));

        List<Map<String, Object>> production = Kustomize.render(ROOT.resolve("deploy/k8s/overlays/production"));
        assertTrue(production.stream().noneMatch(d -> "Deployment".equals(d.get("kind"))
                && "mail".equals(((Map<String, Object>) d.get("metadata")).get("name"))), "no GreenMail in production");
        Map<String, Object> relay = stringKeys((Map<Object, Object>) find(production, "ConfigMap", "rectification-mail").get("data"));
        assertFalse("mail".equals(relay.get("QUARKUS_MAILER_HOST")), "production sends through the relay");
        assertEquals("REQUIRED", relay.get("QUARKUS_MAILER_START_TLS"));
        assertEquals("REQUIRED", relay.get("QUARKUS_MAILER_LOGIN"));
        Set<String> account = ((Map<Object, Object>) find(production, "Secret", "mail-relay").get("stringData")).keySet()
                .stream().map(String::valueOf).collect(Collectors.toSet());
        assertEquals(Set.of("QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"), account);
        assertTrue(envFromNames(container(find(production, "Deployment", "reporting-service")))
                .containsAll(Set.of("rectification-mail", "mail-relay")), "reporting-service reads the relay's settings");
    }

    private static void assertSmtpPortOpened(String port, String greenMailOptions) {
        // GreenMail's test setup puts SMTP on 3025 and IMAP on 3143
        assertTrue(greenMailOptions.contains("-Dgreenmail.setup.test.smtp") && "3025".equals(port),
                "reporting-service sends to GreenMail's SMTP port: " + port + " / " + greenMailOptions);
        assertTrue(greenMailOptions.contains("-Dgreenmail.hostname=0.0.0.0"), "GreenMail listens beyond its container");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                .get("template")).get("spec");
        return ((List<Map<String, Object>>) pod.get("containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> envFromNames(Map<String, Object> container) {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> from : (List<Map<String, Object>>) container.get("envFrom")) {
            for (String kind : List.of("configMapRef", "secretRef")) {
                if (from.get(kind) != null) {
                    names.add((String) ((Map<String, Object>) from.get(kind)).get("name"));
                }
            }
        }
        return names;
    }

    /** Compose and Kubernetes run the local stack's gateway: the same locations, limits, headers and rewrites. */
    @Test
    void theGatewayOfComposeAndKubernetesIsTheLocalStacksGateway() throws IOException {
        String stack = Files.readString(ROOT.resolve("deploy/local/stack"));
        Matcher csp = Pattern.compile("CONSOLE_CSP=\"([^\"]+)\"").matcher(stack);
        assertTrue(csp.find(), "the stack's console CSP");
        String local = serverBlock(stack.substring(stack.indexOf("gateway_config() {")))
                .replace("\\$", "$")
                .replace("$CONSOLE_DIST", "/usr/share/rectification/console")
                .replace("$CONSOLE_CSP", csp.group(1))
                .replace("127.0.0.1:$KEYCLOAK_PORT", "keycloak:8080")
                .replaceAll("127\\.0\\.0\\.1:\\$\\{PORT\\[([a-z-]+)\\]\\}", "$1:" + CONTAINER_PORT);
        // One line more in the shared one: the locations a deployment adds (the production overlay's), which
        // the local stack has none of.
        String include = "include " + RunningGateway.DEPLOYMENT_ROUTES + "*.conf;";
        String shared = serverBlock(Files.readString(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf")));
        assertEquals(1, shared.lines().filter(include::equals).count(), "the shared server block includes " + include);
        assertFalse(local.contains(include), "the local stack's gateway has no deployment's locations");
        assertEquals(local, shared.lines().filter(line -> !line.equals(include)).collect(Collectors.joining("\n")),
                "deploy/k8s/base/gateway/nginx.conf's server block");
        for (String directive : List.of("client_max_body_size 10m;", "proxy_set_header Host $http_host;",
                "proxy_set_header X-Forwarded-For $remote_addr;", "server_tokens off;")) {
            assertTrue(Files.readString(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf")).contains(directive), directive);
        }
    }

    /**
     * Both gateways send each request's id to the service (the one it came with, else nginx's own)
     * and write it on the access line, so a request is found in the gateway's log and the service's
     * by one id (docs/operations.md, "Following a request").
     */
    @Test
    void bothGatewaysSendAndLogARequestId() throws IOException {
        String local = Files.readString(ROOT.resolve("deploy/local/stack"));
        local = local.substring(local.indexOf("gateway_config() {"), local.indexOf("\nNGINX\n", local.indexOf("gateway_config() {")))
                .replace("\\$", "$");
        String shared = Files.readString(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf"));
        for (String config : List.of(local, shared)) {
            String http = config.substring(config.indexOf("http {"), config.indexOf("  server {"));
            assertTrue(http.contains("map $http_x_request_id $rect_request_id { \"~^[A-Za-z0-9._-]{1,64}$\" $http_x_request_id; "
                            + "default $request_id; }"),
                    "a request without an id, or with one the services would not log, gets nginx's: " + http);
            assertTrue(http.contains("proxy_set_header X-Request-Id $rect_request_id;"), "sent to the services: " + http);
            assertTrue(http.contains("map $upstream_http_x_request_id $gateway_request_id { \"\" $rect_request_id; default \"\"; }"),
                    "answered by the gateway where no service did: " + http);
            Matcher access = Pattern.compile("access_log \\S+ with_request_id;").matcher(http);
            assertTrue(access.find() && http.contains("request_id=$rect_request_id"), "on the access line: " + http);
            // A proxy_set_header in a location would drop every one of the http block's there.
            assertFalse(serverBlock(config).contains("proxy_set_header"), "no location sets headers of its own");
        }
    }

    /**
     * The public report's versions and the progress page say their own caching (reporting-service's
     * Cache-Control and ETag): both gateways pass it through, add none of their own on /reports/, and
     * say Vary: Accept-Encoding on what they compress, so a shared cache never serves a gzipped copy to
     * a client that did not ask for one.
     */
    @Test
    void bothGatewaysLeaveTheReportsCachingToTheServiceAndVaryByEncoding() throws IOException {
        String local = Files.readString(ROOT.resolve("deploy/local/stack"));
        local = local.substring(local.indexOf("gateway_config() {"), local.indexOf("\nNGINX\n", local.indexOf("gateway_config() {")));
        String shared = Files.readString(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf"));
        for (String config : List.of(local, shared)) {
            String http = config.substring(config.indexOf("http {"), config.indexOf("  server {"));
            assertTrue(http.contains("gzip on;") && http.contains("gzip_vary on;"), http);
            Matcher reports = Pattern.compile("location /reports/ \\{([^}]*)}").matcher(config);
            assertTrue(reports.find(), "the /reports/ route");
            for (String directive : List.of("add_header", "expires", "proxy_hide_header", "proxy_ignore_headers", "proxy_cache")) {
                assertFalse(reports.group(1).contains(directive), directive + " on /reports/: " + reports.group(1));
            }
        }
    }

    /** Where nginx is installed (the local stack's gateway needs it), it accepts the shared configuration. */
    @Test
    void theSharedGatewayConfigurationIsAcceptedByNginx() throws Exception {
        Path nginx = Path.of(System.getenv().getOrDefault("RECT_NGINX", "/usr/sbin/nginx"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(nginx), "nginx is not installed");
        Path dir = Files.createTempDirectory("gateway-check");
        // Service names resolve only in compose and Kubernetes; here every upstream is this host.
        String config = Files.readString(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf"))
                .replaceAll("http://[a-z-]+:8080", "http://127.0.0.1:8080").replace("/tmp/", dir + "/");
        Files.writeString(dir.resolve("nginx.conf"), config);
        Process check = new ProcessBuilder(nginx.toString(), "-t", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "nginx -t finishes");
        assertEquals(0, check.exitValue(), out);
    }

    /**
     * The server block after its listen line (the gateway's own answers and headers, then the
     * locations) to the last location, without comments and indentation.
     */
    static String serverBlock(String config) {
        String server = config.substring(config.indexOf("  server {"));
        String from = server.substring(server.indexOf('\n', server.indexOf("listen ")) + 1);
        return from.substring(0, from.indexOf("location = /auth {")).lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.joining("\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIngressRoutesEveryGatewayPathAndNothingElse() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/k8s/base/gateway/nginx.conf"));
        Set<String> prefixes = new HashSet<>();
        Matcher location = Pattern.compile("location (/[a-z0-9/]*) \\{ ?([^\\n]*)").matcher(nginx);
        while (location.find()) {
            if (!location.group(2).startsWith("return 404")) {
                prefixes.add(location.group(1).replaceAll("/$", ""));
            }
        }
        prefixes.removeIf(p -> prefixes.stream().anyMatch(other -> !other.equals(p) && p.startsWith(other + "/")));
        Map<String, Object> ingress = find(yaml(ROOT.resolve("deploy/k8s/base/ingress.yaml")), "Ingress", "rectification");
        Set<String> paths = new HashSet<>();
        Set<String> exactPaths = new HashSet<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) ((Map<String, Object>) ingress.get("spec")).get("rules")) {
            for (Map<String, Object> path : (List<Map<String, Object>>) ((Map<String, Object>) rule.get("http")).get("paths")) {
                if ("Prefix".equals(path.get("pathType"))) {
                    paths.add((String) path.get("path"));
                } else {
                    exactPaths.add((String) path.get("path"));
                }
                assertEquals("gateway", ((Map<String, Object>) ((Map<String, Object>) path.get("backend")).get("service")).get("name"),
                        "everything goes through the gateway's limits and headers");
            }
        }
        assertEquals(prefixes, paths, "Ingress prefixes");
        // A single path the gateway answers itself (/robots.txt) reaches it only with an Exact path of its own;
        // its internal ones (error pages, redirects) are reached by no request.
        Matcher exact = Pattern.compile("location = (/[^ ]*) \\{(\\s*internal;)?").matcher(nginx);
        while (exact.find()) {
            String single = exact.group(1);
            boolean routed = exactPaths.contains(single)
                    || paths.stream().anyMatch(prefix -> single.equals(prefix) || single.startsWith(prefix + "/"));
            assertTrue(exact.group(2) != null || routed, single + " is answered by the gateway but not routed to it");
        }
    }

    @Test
    void keycloakImportsTheLocalRealm() throws IOException {
        assertEquals(Files.readString(ROOT.resolve("deploy/local/keycloak/realm-rectification.json")),
                Files.readString(ROOT.resolve("deploy/k8s/base/keycloak/realm-rectification.json")),
                "deploy/k8s/base/keycloak holds a copy of the local realm (kustomize reads nothing outside deploy/k8s)");
    }

    /**
     * What a security review of a public body's sign-in asks for, held in the realm every deployment
     * imports: TLS for every request from outside the machine or cluster, accounts locked for a while
     * after repeated wrong passwords, a password policy, and sign-ins and administrators' changes
     * recorded for at least 180 days (the log retention China's MLPS 2.0 asks for).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theRealmRequiresTlsLocksOutGuessersAndRecordsSignIns() throws IOException {
        Map<String, Object> realm = (Map<String, Object>) new Yaml(new LoaderOptions())
                .load(Files.readString(ROOT.resolve("deploy/local/keycloak/realm-rectification.json")));
        assertEquals("external", realm.get("sslRequired"), "plain HTTP only from the machine itself or a private network");
        assertEquals(true, realm.get("bruteForceProtected"));
        assertTrue(((Number) realm.get("failureFactor")).intValue() <= 10, "locked after at most 10 wrong passwords");
        assertTrue(String.valueOf(realm.get("passwordPolicy")).matches(".*length\\(([89]|\\d{2,})\\).*"),
                "at least 8 characters: " + realm.get("passwordPolicy"));
        assertEquals(true, realm.get("eventsEnabled"), "sign-ins and failed sign-ins recorded");
        assertTrue(((Number) realm.get("eventsExpiration")).longValue() >= 180L * 24 * 3600, "kept 180 days or more");
        assertEquals(true, realm.get("adminEventsEnabled"), "administrators' changes recorded");
    }

    /**
     * The command line's client (deploy/ops/sign-in): public, the device authorization grant and no
     * other flow (no password grant, no browser redirect to leave open), no service account; and every
     * client's texts fit the columns Keycloak stores them in (255 characters: a longer description
     * makes the realm's import fail at the first start, which only a running Keycloak shows).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCommandLinesClientSignsInOnlyThroughADeviceAndEveryClientFitsKeycloaksColumns() throws IOException {
        Map<String, Object> realm = (Map<String, Object>) new Yaml(new LoaderOptions())
                .load(Files.readString(ROOT.resolve("deploy/local/keycloak/realm-rectification.json")));
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        Map<String, Object> cli = clients.stream().filter(c -> "ops-cli".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertEquals(true, cli.get("publicClient"));
        assertEquals(false, cli.get("standardFlowEnabled"));
        assertEquals(false, cli.get("implicitFlowEnabled"));
        assertEquals(false, cli.get("directAccessGrantsEnabled"));
        assertEquals(false, cli.get("serviceAccountsEnabled"));
        assertEquals("true", ((Map<String, Object>) cli.get("attributes")).get("oauth2.device.authorization.grant.enabled"));
        for (Map<String, Object> client : clients) {
            for (String text : List.of("clientId", "name", "description")) {
                String value = String.valueOf(client.getOrDefault(text, ""));
                assertTrue(value.length() <= 255, client.get("clientId") + "'s " + text + " is " + value.length() + " characters");
            }
        }
    }

    /**
     * An environment variable must set a key the service's application.properties has, or the
     * settings all services share in platform-support (Quarkus maps FOO_BAR to foo.bar).
     */
    static void assertKnownVariables(String service, Set<String> variables) throws IOException {
        Properties properties = new Properties();
        for (String file : List.of(service + "/src/main/resources/application.properties",
                "platform-support/src/main/resources/META-INF/microprofile-config.properties")) {
            try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
                properties.load(reader);
            }
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

    /**
     * The host port of a compose port mapping, {@code ${RECT_..._PORT:-8181}:8080}: the default of
     * its variable (so that a run beside the local stack can move it), for the container's port.
     */
    static int defaultHostPort(String mapping) {
        Matcher m = Pattern.compile("^(?:127\\.0\\.0\\.1:)?\\$\\{RECT_[A-Z]+_PORT:-(\\d+)\\}:(\\d+)$").matcher(mapping);
        assertTrue(m.find(), "a host port a variable can move: " + mapping);
        return Integer.parseInt(m.group(1));
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
