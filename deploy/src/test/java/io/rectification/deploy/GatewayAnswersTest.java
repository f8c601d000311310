package io.rectification.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared gateway configuration (deploy/k8s/base/gateway/nginx.conf, whose server block the local
 * stack's is: DeploymentManifestsTest) run by the machine's nginx, in front of a stand-in service that
 * answers the request's id back as the services do, a stand-in Keycloak that does not, and a service
 * that is down. What the gateway answers itself (a service down, a route or file it does not have, a
 * body or request line over its limits) is problem+json, its own redirects carry no page and a relative
 * Location, and every answer carries exactly one X-Request-Id: the one the request came with, else nginx's own.
 */
class GatewayAnswersTest {

    private static final String GIVEN_ID = "given-request-1";
    private static final String KEYCLOAKS_REDIRECT =
            "https://rectification.example.gov.cn/auth/realms/rectification/protocol/openid-connect/auth?client_id=account-console";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpServer service;
    private static RunningGateway gateway;
    private static int port;

    @BeforeAll
    static void startGateway() throws Exception {
        Assumptions.assumeTrue(RunningGateway.installed(), "nginx is not installed");
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            // The services answer back the id they were sent (platform-support's RequestIds); Keycloak answers none.
            if (!exchange.getRequestURI().getPath().startsWith("/auth/")) {
                exchange.getResponseHeaders().add("X-Request-Id", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            }
            boolean script = exchange.getRequestURI().getPath().endsWith(".js");
            // Quarkus sends its static scripts as text/javascript (the public form's form.js).
            exchange.getResponseHeaders().add("Content-Type", script ? "text/javascript;charset=UTF-8" : "application/json");
            byte[] body = (script ? "console.log('提交');\n".repeat(200) : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // Keycloak's own redirect (to its sign-in page, at the address it knows as its own).
        service.createContext("/auth/realms/rectification/account", exchange -> {
            exchange.getResponseHeaders().add("Location", KEYCLOAKS_REDIRECT);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
            byte[] body = "<p>sign in</p>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(302, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        int servicePort = service.getAddress().getPort();
        int downPort = RunningGateway.freePort();
        gateway = RunningGateway.start(Files.readString(DeploymentManifestsTest.ROOT.resolve("deploy/k8s/base/gateway/nginx.conf")),
                Map.of(), upstream -> upstream.equals("tasks-service") ? downPort : servicePort);
        port = gateway.port;
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void aServiceThatIsDownIs503ProblemWithRetryAfterAndTheRequestsId() throws Exception {
        HttpResponse<String> answer = get("/api/tasks/inspections", GIVEN_ID);
        assertProblem(answer, 503, "/problems/unavailable");
        assertEquals(List.of("2"), answer.headers().allValues("Retry-After"));
        assertEquals(List.of(GIVEN_ID), answer.headers().allValues("X-Request-Id"), "the id the request came with");

        HttpResponse<String> withoutId = get("/api/tasks/inspections", null);
        assertProblem(withoutId, 503, "/problems/unavailable");
        assertTrue(withoutId.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{32}"),
                "nginx's own $request_id: " + withoutId.headers().map());
    }

    /** The gateway keeps the services' rule for an id from outside (LogIds): else the two would log different ids. */
    @Test
    void anIdTheServicesWouldNotLogIsReplacedByNginxs() throws Exception {
        for (String unsafe : List.of("a b", "x".repeat(65), "id;drop", "<script>")) {
            HttpResponse<String> answer = get("/api/nothing", unsafe);
            assertTrue(answer.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{32}"),
                    unsafe + " is replaced by nginx's own $request_id: " + answer.headers().map());
        }
        String longest = "a.B_9-".repeat(10) + "abcd";
        assertEquals(List.of(longest), get("/api/nothing", longest).headers().allValues("X-Request-Id"),
                "64 characters of the safe set are kept");
    }

    @Test
    void whatTheGatewayDoesNotHaveIs404Problem() throws Exception {
        assertProblem(get("/api/nothing", GIVEN_ID), 404, "/problems/not-found");
        // the services' health and metrics are the operators' (their own ports), not the public's
        for (String path : List.of("/api/tasks/q/metrics", "/api/reporting/q/health", "/api/feedback/q/health/ready")) {
            assertProblem(get(path, GIVEN_ID), 404, "/problems/not-found");
        }
        assertProblem(get("/nowhere", null), 404, "/problems/not-found");
        assertProblem(get("/console/assets/missing.js", null), 404, "/problems/not-found");
    }

    /**
     * No route reaches a service's /q/health or /q/metrics, whether it keeps its prefix or maps it onto the
     * service's root (/feedback/ does: /feedback/q/metrics was feedback-service's /q/metrics, operator
     * review #2). The OpenAPI document stays public for integrators (docs/security.md).
     */
    @Test
    void noPublicPrefixReachesAServicesHealthOrMetrics() throws Exception {
        for (String prefix : List.of("/api/tasks/", "/api/feedback/", "/api/reporting/", "/feedback/", "/feedback/track/",
                "/publications/", "/open311/", "/reports/", "/auth/")) {
            for (String tool : List.of("q/metrics", "q/health", "q/health/ready", "q/health/live", "q/metrics/", "q//metrics")) {
                assertProblem(get(prefix + tool, GIVEN_ID), 404, "/problems/not-found");
            }
        }
        for (String path : List.of("/api/feedback/q/openapi", "/api/reporting/q/openapi", "/feedback/publications")) {
            assertEquals(200, get(path, GIVEN_ID).statusCode(), path + " reaches the service");
        }
    }

    @Test
    void aBodyOverTheRoutesLimitIs413Problem() throws Exception {
        HttpRequest post = request("/api/feedback/publications", GIVEN_ID)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + "x".repeat(200 * 1024) + "\"}")).build();
        assertProblem(CLIENT.send(post, HttpResponse.BodyHandlers.ofString()), 413, "/problems/too-large");
    }

    /** Sent on a raw socket: an HTTP client may refuse to send such a line or header itself. */
    @Test
    void aRequestLineOrHeaderOverItsLimitIsProblem() throws Exception {
        String longLine = "GET /api/feedback/publications?q=" + "x".repeat(9 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n";
        String answer = raw(longLine);
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.contains("\"type\":\"/problems/request-line-too-long\""), answer);
        assertRawProblemWithOneId(answer);

        String longHeader = "GET /api/feedback/publications HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(9 * 1024)
                + "\r\nConnection: close\r\n\r\n";
        answer = raw(longHeader);
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertRawProblemWithOneId(answer);
    }

    @Test
    void theConsolesFilesAndRedirectsCarryTheRequestsId() throws Exception {
        for (String path : List.of("/console/", "/console/index.html", "/console/assets/app.js", "/", "/console/some/route")) {
            HttpResponse<String> answer = get(path, GIVEN_ID);
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 302, path + ": " + answer.statusCode());
            assertEquals(List.of(GIVEN_ID), answer.headers().allValues("X-Request-Id"), path);
        }
        HttpResponse<String> post = CLIENT.send(request("/console/index.html", GIVEN_ID)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(post, 405, "/problems/method-not-allowed");
    }

    /**
     * The gateway's own redirects (its entrances / and /console, /auth, and nginx's from a route's address
     * without its trailing slash) answer as its other answers do: without nginx's HTML page, with the
     * request's id and the security headers, and with a Location relative to the host, which is right
     * behind the Ingress that ends TLS (nginx's absolute one named http and port 8080 there). Asked as the
     * Ingress asks, on a raw socket: an HTTP client does not let a caller set Host.
     */
    @Test
    void theGatewaysOwnRedirectsAreRelativeAndCarryNoPage() throws Exception {
        Map<String, String> redirects = new LinkedHashMap<>();
        redirects.put("/", "302 /console/");
        redirects.put("/console", "302 /console/");
        redirects.put("/auth", "302 /auth/");
        for (String route : List.of("/publications", "/open311", "/reports", "/feedback", "/feedback/track", "/api/tasks",
                "/api/feedback", "/api/reporting", "/console/assets")) {
            redirects.put(route, "301 " + route + "/");
        }
        redirects.put("/publications?page=2", "301 /publications/?page=2");
        for (Map.Entry<String, String> redirect : redirects.entrySet()) {
            String answer = raw("GET " + redirect.getKey() + " HTTP/1.1\r\nHost: rectification.example.gov.cn\r\n"
                    + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\nX-Request-Id: " + GIVEN_ID
                    + "\r\nConnection: close\r\n\r\n");
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            String status = redirect.getValue().substring(0, 3);
            String location = redirect.getValue().substring(4);
            assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), redirect.getKey() + ": " + answer);
            assertTrue(head.contains("\r\nlocation: " + location.toLowerCase(Locale.ROOT) + "\r\n"), redirect.getKey() + ": " + answer);
            assertEquals("", answer.substring(answer.indexOf("\r\n\r\n") + 4), redirect.getKey() + ": no page of nginx's");
            assertTrue(head.contains("\r\ncontent-length: 0\r\n") && !head.contains("content-type:"), redirect.getKey() + ": " + answer);
            for (String header : List.of("x-request-id: " + GIVEN_ID.toLowerCase(Locale.ROOT), "x-content-type-options: nosniff",
                    "referrer-policy: no-referrer", "permissions-policy: camera=()")) {
                assertTrue(head.contains("\r\n" + header), redirect.getKey() + " carries " + header + ": " + answer);
            }
        }
    }

    /** A redirect Keycloak (or a service) answers is not the gateway's: it passes with its own Location and body. */
    @Test
    void anUpstreamsRedirectPassesAsItCame() throws Exception {
        HttpResponse<String> answer = get("/auth/realms/rectification/account", GIVEN_ID);
        assertEquals(302, answer.statusCode());
        assertEquals(List.of(KEYCLOAKS_REDIRECT), answer.headers().allValues("Location"));
        assertEquals("<p>sign in</p>", answer.body());
        assertEquals(List.of(GIVEN_ID), answer.headers().allValues("X-Request-Id"));
    }

    /** A service answers the id back itself; the gateway does not add a second one. Keycloak does not: the gateway does. */
    @Test
    void anUpstreamsAnswerCarriesExactlyOneId() throws Exception {
        HttpResponse<String> fromService = get("/api/feedback/publications", GIVEN_ID);
        assertEquals(200, fromService.statusCode());
        assertEquals(List.of(GIVEN_ID), fromService.headers().allValues("X-Request-Id"));
        HttpResponse<String> fromKeycloak = get("/auth/realms/rectification", GIVEN_ID);
        assertEquals(200, fromKeycloak.statusCode());
        assertEquals(List.of(GIVEN_ID), fromKeycloak.headers().allValues("X-Request-Id"));
    }

    /**
     * No page behind the gateway may ask for the camera, microphone, location, payment or USB: the
     * console's pages, a service's answer, the gateway's own refusals and robots.txt alike.
     */
    @Test
    void noPageMayAskForDevicesItHasNoUseFor() throws Exception {
        for (String path : List.of("/console/", "/console/index.html", "/console/some/route", "/api/feedback/publications",
                "/nowhere", "/robots.txt")) {
            HttpResponse<String> answer = get(path, GIVEN_ID);
            assertEquals(List.of("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
                    answer.headers().allValues("Permissions-Policy"), path + " (" + answer.statusCode() + ")");
        }
    }

    /** Search engines are kept out of the console, the APIs, sign-in and tracking pages, not out of the report. */
    @Test
    void robotsAreKeptOutOfWhatIsNotPublished() throws Exception {
        HttpResponse<String> robots = get("/robots.txt", GIVEN_ID);
        assertEquals(200, robots.statusCode());
        assertTrue(robots.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), robots.headers().map().toString());
        List<String> disallowed = robots.body().lines().filter(line -> line.startsWith("Disallow: "))
                .map(line -> line.substring("Disallow: ".length())).toList();
        assertEquals(List.of("/console/", "/api/", "/auth/", "/open311/", "/feedback/track"), disallowed);
        assertTrue(robots.body().startsWith("User-agent: *\n"), robots.body());
        assertEquals(List.of(GIVEN_ID), robots.headers().allValues("X-Request-Id"));
    }

    /** A service's script (the public form's form.js, sent as text/javascript) goes out compressed. */
    @Test
    void aServicesScriptIsCompressed() throws Exception {
        HttpResponse<byte[]> script = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/feedback/form.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, script.statusCode());
        assertEquals("gzip", script.headers().firstValue("Content-Encoding").orElse("none"), script.headers().map().toString());
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(script.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(text.startsWith("console.log('提交');"), text);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertEquals(status, answer.statusCode(), answer.uri() + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), answer.uri().toString());
        assertTrue(answer.body().contains("\"type\":\"" + type + "\"") && answer.body().contains("\"status\":" + status),
                answer.uri() + ": " + answer.body());
        assertEquals(1, answer.headers().allValues("X-Request-Id").size(), answer.uri() + " carries one X-Request-Id: "
                + answer.headers().map());
        assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"), answer.uri().toString());
    }

    private static void assertRawProblemWithOneId(String answer) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertTrue(head.contains("\r\ncontent-type: application/problem+json"), answer);
        assertEquals(1, head.split("\r\nx-request-id: [0-9a-f]{32}\r\n", -1).length - 1, "one X-Request-Id of nginx's: " + answer);
    }

    private static HttpResponse<String> get(String path, String requestId) throws Exception {
        return CLIENT.send(request(path, requestId).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String requestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        return requestId == null ? builder : builder.header("X-Request-Id", requestId);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
