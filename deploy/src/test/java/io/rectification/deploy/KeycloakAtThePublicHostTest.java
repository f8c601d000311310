package io.rectification.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.rectification.deploy.DeploymentManifestsTest.ROOT;
import static io.rectification.deploy.DeploymentManifestsTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each overlay's gateway as the overlay mounts it (its nginx.conf and whatever it puts in the directory the
 * configuration includes, rendered as kubectl would), run by the machine's nginx in front of a stand-in
 * Keycloak. In production the public host refuses Keycloak's administration and master realm with the
 * gateway's problem+json 404, while signing in to the rectification realm (the console's, the screens',
 * deploy/ops/sign-in's) passes; the development overlay keeps the administration reachable, as the local
 * stack and compose do (docs/security.md).
 */
class KeycloakAtThePublicHostTest {

    /** Keycloak's administration: the admin console, its REST API, the welcome page leading there, the master realm. */
    private static final List<String> ADMINISTRATION = List.of("/auth/admin/", "/auth/admin", "/auth/admin/master/console/",
            "/auth/admin/realms/rectification/users", "/auth/", "/auth/realms/master",
            "/auth/realms/master/protocol/openid-connect/auth?client_id=security-admin-console",
            "/auth/realms/master/protocol/openid-connect/token", "/auth/realms/master/.well-known/openid-configuration",
            "/auth/resources/../admin/master/console/");
    /** The same, written so that a proxy comparing raw text would let them through; nginx compares the normalised path. */
    private static final List<String> ADMINISTRATION_DISGUISED = List.of("/auth//admin/master/console/", "/auth/%61dmin/",
            "/auth/realms/rectification/../master/protocol/openid-connect/token", "/auth/realms/MASTER/account",
            "/auth/realms/%6Daster/");
    /** What signing in needs: the realm's pages and endpoints, and their files. */
    private static final List<String> SIGNING_IN = List.of("/auth/realms/rectification/.well-known/openid-configuration",
            "/auth/realms/rectification/protocol/openid-connect/auth?client_id=console&response_type=code",
            "/auth/realms/rectification/protocol/openid-connect/certs", "/auth/realms/rectification/device?user_code=ABCD-EFGH",
            "/auth/realms/rectification/account/", "/auth/resources/abc12/login/keycloak.v2/css/styles.css");
    private static final String TOKEN = "token-of-the-operator";

    private static HttpServer keycloak;
    private static final Queue<String> reachedKeycloak = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger tokenPolls = new AtomicInteger();
    private static RunningGateway production;
    private static RunningGateway development;

    @BeforeAll
    static void startGateways() throws Exception {
        Assumptions.assumeTrue(RunningGateway.installed(), "nginx is not installed");
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/", exchange -> {
            reachedKeycloak.add(exchange.getRequestURI().getRawPath());
            // The rectification realm's device sign-in (ops-cli): the code, then "pending" once, then the token.
            String path = exchange.getRequestURI().getPath();
            String oidc = "/auth/realms/rectification/protocol/openid-connect/";
            if (path.equals(oidc + "auth/device")) {
                int port = Integer.parseInt(exchange.getRequestHeaders().getFirst("Host").replaceAll(".*:", ""));
                answer(exchange, "{\"device_code\":\"device-1\",\"user_code\":\"ABCD-EFGH\",\"verification_uri_complete\":"
                        + "\"http://127.0.0.1:" + port + "/auth/realms/rectification/device?user_code=ABCD-EFGH\","
                        + "\"expires_in\":60,\"interval\":0}");
            } else if (path.equals(oidc + "token") && tokenPolls.getAndIncrement() == 0) {
                answer(exchange, "{\"error\":\"authorization_pending\"}");
            } else if (path.equals(oidc + "token")) {
                answer(exchange, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300}");
            } else {
                answer(exchange, "{\"keycloak\":true}");
            }
        });
        keycloak.start();
        production = overlaysGateway("production");
        development = overlaysGateway("development");
    }

    @AfterAll
    static void stopGateways() {
        for (RunningGateway gateway : new RunningGateway[] {production, development}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @BeforeEach
    void forgetWhatKeycloakSaw() {
        reachedKeycloak.clear();
        tokenPolls.set(0);
    }

    @Test
    void productionRefusesKeycloaksAdministrationWithTheGatewaysProblem() throws IOException {
        for (List<String> paths : List.of(ADMINISTRATION, ADMINISTRATION_DISGUISED)) {
            for (String path : paths) {
                for (String method : List.of("GET", "POST")) {
                    Answer answer = ask(production, method, path);
                    assertEquals(404, answer.status, method + " " + path + ": " + answer);
                    assertEquals("application/problem+json", answer.headers.get("content-type"), path);
                    assertTrue(answer.body.contains("\"type\":\"/problems/not-found\""), path + ": " + answer.body);
                    assertTrue(answer.headers.getOrDefault("x-request-id", "").matches("[0-9a-f]{32}"), path + ": " + answer);
                    assertEquals("nosniff", answer.headers.get("x-content-type-options"), path);
                }
            }
        }
        assertEquals(List.of(), List.copyOf(reachedKeycloak), "Keycloak was asked nothing");
    }

    @Test
    void productionPassesSigningInToKeycloak() throws IOException {
        for (String path : SIGNING_IN) {
            Answer answer = ask(production, "GET", path);
            assertEquals(200, answer.status, path + ": " + answer);
            assertEquals("{\"keycloak\":true}", answer.body, path);
        }
        assertEquals(SIGNING_IN.size(), reachedKeycloak.size(), "each reached Keycloak: " + reachedKeycloak);
    }

    /** The demo prints Keycloak's admin address; the development overlay, like compose and the local stack, keeps it. */
    @Test
    void developmentKeepsKeycloaksAdministrationReachable() throws IOException {
        for (String path : ADMINISTRATION) {
            if (path.contains("..")) {
                continue;
            }
            Answer answer = ask(development, "GET", path);
            assertEquals(200, answer.status, path + ": " + answer);
            assertEquals("{\"keycloak\":true}", answer.body, path);
        }
    }

    /**
     * The operators' sign-in on the command line (device authorization through the rectification realm's
     * ops-cli client) works through the production gateway: it asks only the rectification realm's endpoints.
     */
    @Test
    void theOperatorsCommandLineSignInWorksThroughTheProductionGateway() throws Exception {
        ProcessBuilder signIn = new ProcessBuilder("bash", ROOT.resolve("deploy/ops/sign-in").toString(),
                "http://127.0.0.1:" + production.port);
        signIn.environment().remove("RECT_SIGN_IN_OPEN");
        signIn.environment().remove("RECT_REALM");
        Process process = signIn.redirectError(production.dir.resolve("sign-in.err").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sign-in finishes");
        assertEquals(0, process.exitValue(), out + production.read("sign-in.err"));
        assertEquals(TOKEN, out.strip());
        assertEquals(List.of("/auth/realms/rectification/protocol/openid-connect/auth/device",
                        "/auth/realms/rectification/protocol/openid-connect/token",
                        "/auth/realms/rectification/protocol/openid-connect/token"),
                List.copyOf(reachedKeycloak), "the device code asked for, then polled for the token until signed in");
    }

    /**
     * In production the admin console's own address is what an operator's port-forward to the keycloak Service
     * gives on their machine (docs/operations.md); in development it stays the gateway's, where the demo shows it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void productionsAdminConsoleIsAtAPortForwardToKeycloak() throws IOException {
        List<Map<String, Object>> documents = KustomizeOverlaysTest.render("production");
        Map<String, Object> service = (Map<String, Object>) find(documents, "Service", "keycloak").get("spec");
        Object port = ((List<Map<String, Object>>) service.get("ports")).get(0).get("port");
        assertEquals("http://127.0.0.1:" + port + "/auth",
                KustomizeOverlaysTest.env(find(documents, "Deployment", "keycloak")).get("KC_HOSTNAME_ADMIN"));
        assertEquals(null, KustomizeOverlaysTest.env(find(KustomizeOverlaysTest.render("development"), "Deployment", "keycloak"))
                .get("KC_HOSTNAME_ADMIN"), "development's admin console is on the gateway");
    }

    /**
     * The gateway the overlay runs: its nginx.conf (mounted at /etc/nginx/nginx.conf) and the files of any
     * ConfigMap it mounts where that configuration includes a deployment's locations from.
     */
    @SuppressWarnings("unchecked")
    private static RunningGateway overlaysGateway(String overlay) throws IOException, InterruptedException {
        List<Map<String, Object>> documents = KustomizeOverlaysTest.render(overlay);
        Map<String, Object> pod = KustomizeOverlaysTest.podSpec(find(documents, "Deployment", "gateway"));
        Map<String, Object> nginx = ((List<Map<String, Object>>) pod.get("containers")).stream()
                .filter(c -> "nginx".equals(c.get("name"))).findFirst().orElseThrow();
        String config = null;
        Map<String, String> routes = new HashMap<>();
        for (Map<String, Object> mount : (List<Map<String, Object>>) nginx.get("volumeMounts")) {
            String at = (String) mount.get("mountPath");
            Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                    .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
            Map<String, Object> configMap = (Map<String, Object>) volume.get("configMap");
            Map<String, String> data = configMap == null ? Map.of()
                    : (Map<String, String>) find(documents, "ConfigMap", (String) configMap.get("name")).get("data");
            if (at.equals("/etc/nginx/nginx.conf")) {
                config = data.get((String) mount.get("subPath"));
            } else if ((at + "/").equals(RunningGateway.DEPLOYMENT_ROUTES)) {
                routes.putAll(data);
            } else if (at.startsWith("/etc/nginx")) {
                fail(overlay + "'s gateway mounts " + at + ", which this test does not know");
            }
        }
        assertTrue(config != null && config.contains("include " + RunningGateway.DEPLOYMENT_ROUTES + "*.conf;"),
                overlay + "'s nginx.conf includes the deployment's locations");
        int keycloakPort = keycloak.getAddress().getPort();
        return RunningGateway.start(config, routes, upstream -> keycloakPort);
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** On a raw socket, so that the path goes out exactly as written (no client normalises it first). */
    private static Answer ask(RunningGateway gateway, String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.port)) {
            socket.setSoTimeout(10_000);
            String body = method.equals("POST") ? "grant_type=password&username=kcadmin&password=x" : "";
            String request = method + " " + path + " HTTP/1.1\r\nHost: rectification.example.gov.cn\r\n"
                    + (body.isEmpty() ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n")
                    + "Connection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                String[] field = head[i].split(":", 2);
                headers.merge(field[0].toLowerCase(Locale.ROOT), field[1].strip(), (a, b) -> a + ", " + b);
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }
}
