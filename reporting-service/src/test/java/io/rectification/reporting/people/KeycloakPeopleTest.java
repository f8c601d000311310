package io.rectification.reporting.people;

import org.junit.jupiter.api.Tag;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rectification.platform.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link KeycloakPeople} reads Keycloak's admin REST API, against an HTTP server that answers as
 * Keycloak 26 does (client-credentials token, paged users, each user's effective realm roles): who
 * is found, with which roles, unit and address; the cache; the last list when Keycloak is away.
 * (Against the real Keycloak of the stack: docs/notices.md.)
 */
@Tag("fast")
class KeycloakPeopleTest {

    HttpServer keycloak;
    final AtomicInteger userReads = new AtomicInteger();
    volatile boolean down;
    /** Set: the users' page is sent its head and the start of its body, and then nothing, until the test ends. */
    volatile boolean stalled;
    final CountDownLatch ended = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/auth/realms/rectification/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = !down && form.contains("grant_type=client_credentials") && form.contains("client_id=notices")
                    && form.contains("client_secret=s3cret");
            answer(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"admin-token\",\"expires_in\":300}" : "{}");
        });
        keycloak.createContext("/auth/admin/realms/rectification/users", exchange -> {
            if (!"Bearer admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.endsWith("/users") && stalled) {
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write("[{\"id\":\"u1\",".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                awaitEnd();
                exchange.close();
            } else if (path.endsWith("/users")) {
                userReads.incrementAndGet();
                answer(exchange, 200, query.contains("first=0") ? """
                        [{"id":"u1","username":"dzb","firstName":"李","lastName":"科长（党政办公室）","enabled":true,"email":"dzb@rectification.local","attributes":{"unit":["党政办公室"]}},
                         {"id":"u2","username":"ducha","firstName":"Ann","lastName":"Lee","enabled":true,"email":"ducha@rectification.local","attributes":{}},
                         {"id":"u5","username":"zsj","enabled":true,"email":"zsj@rectification.local","attributes":{"unit":["财政局"]}},
                         {"id":"u3","username":"nomail","enabled":true,"attributes":{"unit":["招商局"]}},
                         {"id":"u4","username":"yunwei","enabled":true,"email":"yunwei@rectification.local"}]""" : "[]");
            } else if (path.endsWith("/u1/role-mappings/realm/composite")) {
                answer(exchange, 200, "[{\"name\":\"officer\"},{\"name\":\"default-roles-rectification\"}]");
            } else if (path.endsWith("/u2/role-mappings/realm/composite")) {
                answer(exchange, 200, "[{\"name\":\"supervisor\"},{\"name\":\"offline_access\"}]");
            } else if (path.endsWith("/u5/role-mappings/realm/composite")) {
                answer(exchange, 200, "[{\"name\":\"officer\"}]");
            } else if (path.endsWith("/u4/role-mappings/realm/composite")) {
                answer(exchange, 200, "[{\"name\":\"admin\"}]");
            } else {
                answer(exchange, 404, "{}");
            }
        });
        keycloak.start();
    }

    @AfterEach
    void stop() {
        ended.countDown();
        keycloak.stop(0);
        AdjustableClock.release();
    }

    @Test
    void readsTheHoldersOfTheNoticeRolesWithUnitAndAddressAndKeepsThemForAWhile() {
        AdjustableClock.pinAt(Instant.parse("2025-03-10T00:00:00Z"));
        KeycloakPeople people = new KeycloakPeople(config("s3cret"), new AdjustableClock());

        List<Person> everyone = people.everyone();
        assertEquals(List.of(new Person("ducha", "ducha@rectification.local", Set.of("supervisor"), "", "Ann Lee"),
                new Person("dzb", "dzb@rectification.local", Set.of("officer"), "党政办公室", "李科长（党政办公室）"),
                new Person("zsj", "zsj@rectification.local", Set.of("officer"), "财政局", "")), everyone,
                "no one without an address, no one without a notice role; a Chinese name written as one word");
        assertEquals(List.of("Ann Lee", "李科长（党政办公室）", "zsj"), everyone.stream().map(Person::displayName).toList(),
                "someone without a name in the directory is named by the username");
        assertEquals(List.of("dzb"), people.holding(List.of("officer"), "党政办公室").stream().map(Person::username).toList());
        assertEquals(List.of(), people.holding(List.of("officer"), "招商局"));

        people.everyone();
        assertEquals(1, userReads.get(), "read once within cache-for");
        AdjustableClock.pinAt(Instant.parse("2025-03-10T00:06:00Z"));
        down = true;
        assertEquals(everyone, people.everyone(), "Keycloak away: the last list read");
        down = false;
        people.everyone();
        assertEquals(2, userReads.get(), "read again after cache-for");
    }

    @Test
    void aWrongSecretIsAnErrorNamingKeycloak() {
        KeycloakPeople people = new KeycloakPeople(config("wrong"), new AdjustableClock());
        IllegalStateException e = assertThrows(IllegalStateException.class, people::everyone);
        assertEquals(true, e.getMessage().startsWith("Keycloak's users could not be read"), e.getMessage());
    }

    /**
     * Keycloak sends the page's head and then stalls its body: the read fails after notices.directory.keycloak.timeout
     * (1 s here) instead of holding the directory, and every notice waiting on it, for ever; the error says so.
     */
    @Test
    void aKeycloakThatStallsItsAnswerIsAnErrorAfterTheTimeoutNotAWaitForEver() {
        stalled = true;
        KeycloakPeople people = new KeycloakPeople(config("s3cret"), new AdjustableClock());
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, people::everyone), "waited for the stalled body");
        assertTrue(e.getMessage().startsWith("Keycloak's users could not be read: no whole answer within 1000 ms"), e.getMessage());
    }

    private void awaitEnd() {
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DirectoryConfig.Keycloak config(String secret) {
        String url = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/auth";
        return new DirectoryConfig.Keycloak() {
            public Optional<String> url() {
                return Optional.of(url);
            }

            public String realm() {
                return "rectification";
            }

            public String clientId() {
                return "notices";
            }

            public Optional<String> clientSecret() {
                return Optional.of(secret);
            }

            public List<String> roles() {
                return List.of("officer", "coordinator", "supervisor");
            }

            public Duration cacheFor() {
                return Duration.ofMinutes(5);
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        };
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
