package io.rectification.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rectification.deploy.DeploymentManifestsTest.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local stack's one address for signing in: what it prints, Keycloak's hostname and the realm's redirect
 * addresses are the gateway's 127.0.0.1 address, and the gateway sends a browser that asked for localhost
 * there (a sign-in begun on localhost ended on Keycloak's 无效的参数：redirect_uri). The realm keeps its
 * addresses relative to its rootUrl, the one address a deployment gives it: no localhost and no wider wildcard
 * reaches the production realm, which is the same file.
 */
class LocalSignInAddressTest {

    private static String stack() throws IOException {
        return Files.readString(ROOT.resolve("deploy/local/stack"));
    }

    @Test
    void theStackPrintsSignsInAndRedirectsAtOneAddress() throws IOException {
        String stack = stack();
        assertTrue(stack.contains("GATEWAY_URL=http://127.0.0.1:$PORT_BASE\n"), "the gateway's address");
        assertTrue(stack.contains("--hostname=\"$GATEWAY_URL/auth\""), "Keycloak's own address is the gateway's");
        assertTrue(stack.contains("RECT_GATEWAY_URL=$GATEWAY_URL RECT_DEMO_PASSWORD"), "the realm's rootUrl is the gateway's");
        assertTrue(stack.contains("say \"  console         $GATEWAY_URL/console/\""), "where to click is that address");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsolesRedirectsStayUnderTheRealmsRootUrl() throws IOException {
        Map<String, Object> realm = (Map<String, Object>) new Yaml(new LoaderOptions())
                .load(Files.readString(ROOT.resolve("deploy/local/keycloak/realm-rectification.json")));
        Map<String, Object> console = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> "console".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertEquals("${RECT_GATEWAY_URL}", console.get("rootUrl"));
        assertEquals(List.of("/console/*"), console.get("redirectUris"));
        assertEquals(List.of("+"), console.get("webOrigins"), "the origins of the redirect addresses only");
    }

    /**
     * Keycloak 26 names zh-CN in its language box as zh-Hans in the page's language and in its own, twice the
     * same: 中文 (简体) (中文 (简体)). The realm names it once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theLanguageBoxNamesSimplifiedChineseOnce() throws IOException {
        Map<String, Object> realm = (Map<String, Object>) new Yaml(new LoaderOptions())
                .load(Files.readString(ROOT.resolve("deploy/local/keycloak/realm-rectification.json")));
        Map<String, Map<String, String>> texts = (Map<String, Map<String, String>>) realm.get("localizationTexts");
        assertEquals("简体中文", texts.get("zh-CN").get("locale_zh-CN"));
        assertEquals(List.of("zh-CN", "en"), realm.get("supportedLocales"));
    }

    /** The stack's gateway configuration's server for the name localhost, run by the machine's nginx beside a stand-in gateway. */
    @Test
    void theGatewaySendsLocalhostToTheAddressItServes() throws Exception {
        Assumptions.assumeTrue(RunningGateway.installed(), "nginx is not installed");
        Matcher block = Pattern.compile("\n(  server \\{\n    listen 127\\.0\\.0\\.1:\\$PORT_BASE;\n    server_name localhost;\n[^}]*})")
                .matcher(stack());
        assertTrue(block.find(), "a server for the name localhost in the stack's gateway");
        int port = RunningGateway.freePort();
        String gatewayUrl = "http://127.0.0.1:" + port;
        String localhost = block.group(1).replace("$PORT_BASE", String.valueOf(port)).replace("$GATEWAY_URL", gatewayUrl)
                .replace("\\$", "$");
        assertFalse(localhost.contains("$PORT_BASE") || localhost.contains("$GATEWAY_URL"), localhost);
        Path dir = Files.createTempDirectory("gateway-localhost");
        String temp = String.join("\n", List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi").stream()
                .map(kind -> "  " + kind + "_temp_path " + dir.resolve(kind) + ";").toList());
        Files.writeString(dir.resolve("nginx.conf"), "pid " + dir.resolve("nginx.pid") + ";\nerror_log " + dir.resolve("error.log") + ";\n"
                + "events { worker_connections 16; }\nhttp {\n  access_log off;\n" + temp + "\n"
                // the stack's own server, first: the default for every other name
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    location / { return 200 'gateway'; }\n  }\n"
                + localhost + "\n}\n");
        Process nginx = new ProcessBuilder(RunningGateway.NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        try {
            for (int i = 0; i < 100 && !listening(port); i++) {
                assertTrue(nginx.isAlive(), () -> "nginx exited: " + read(dir.resolve("nginx.out")));
                Thread.sleep(50);
            }
            Answer asLocalhost = get(port, "localhost:" + port, "/console/tasks/t1?from=todos");
            assertEquals(302, asLocalhost.status());
            assertEquals(gatewayUrl + "/console/tasks/t1?from=todos", asLocalhost.location());
            Answer asItself = get(port, "127.0.0.1:" + port, "/console/");
            assertEquals(200, asItself.status(), "the address the stack serves is served");
            assertEquals("gateway", asItself.body());
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    /** A request as a browser sends it for `host` (Java's HttpClient will not set Host itself): its status line and headers, and body. */
    private static Answer get(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            int status = Integer.parseInt(head.split(" ")[1]);
            Matcher location = Pattern.compile("(?im)^Location: (.*)$").matcher(head);
            return new Answer(status, location.find() ? location.group(1).trim() : null, answer.substring(head.length() + 4));
        }
    }

    private record Answer(int status, String location, String body) {
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
