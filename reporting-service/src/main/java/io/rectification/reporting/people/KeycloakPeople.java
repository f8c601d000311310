package io.rectification.reporting.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.support.BoundedHttp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * People read from Keycloak's admin REST API with the client-credentials token of a service
 * account that holds realm-management's {@code view-users}: the users holding each configured
 * realm role, with their e-mail, {@code unit} attribute and name (first and last). Kept for {@code cache-for}; when Keycloak does not answer, the last
 * list read is used (a notice waits rather than failing the consumer: fan-out retries).
 */
public class KeycloakPeople implements People {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A page of users at most this long (a longer one is cut, and fails as JSON). Each answer is bounded as a whole
     * (notices.directory.keycloak.timeout): a body that stalled held this directory's lock, and every notice waiting
     * on it, for ever ({@link BoundedHttp}).
     */
    private static final int ANSWER_BYTES = 16 * 1024 * 1024;

    private final DirectoryConfig.Keycloak config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private List<Person> cached;
    private Instant readAt = Instant.MIN;

    public KeycloakPeople(DirectoryConfig.Keycloak config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized List<Person> everyone() {
        Instant now = clock.instant();
        if (cached == null || readAt.plus(config.cacheFor()).isBefore(now)) {
            try {
                cached = read();
                readAt = now;
            } catch (IOException | RuntimeException e) {
                if (cached == null) {
                    throw new IllegalStateException("Keycloak's users could not be read: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading Keycloak's users", e);
            }
        }
        return cached;
    }

    /**
     * Every enabled user with an address ({@code GET /users}, paged), then each one's effective realm
     * roles ({@code /users/{id}/role-mappings/realm/composite}): both need only view-users, whereas the
     * role's own user list would need view-realm as well.
     */
    private List<Person> read() throws IOException, InterruptedException {
        String base = config.url().orElseThrow(() -> new IllegalStateException("notices.directory.keycloak.url is not set"));
        String token = token(base);
        String realm = base + "/admin/realms/" + config.realm();
        List<Person> people = new ArrayList<>();
        int page = 200;
        for (int first = 0; ; first += page) {
            JsonNode users = get(realm + "/users?briefRepresentation=false&enabled=true&first=" + first + "&max=" + page, token);
            for (JsonNode user : users) {
                String email = user.path("email").asText("");
                if (!user.path("enabled").asBoolean(true) || email.isBlank()) {
                    continue;
                }
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode role : get(realm + "/users/" + user.path("id").asText() + "/role-mappings/realm/composite", token)) {
                    if (config.roles().contains(role.path("name").asText())) {
                        roles.add(role.path("name").asText());
                    }
                }
                if (roles.isEmpty()) {
                    continue;
                }
                JsonNode unit = user.path("attributes").path("unit");
                people.add(new Person(user.path("username").asText(), email, roles,
                        unit.isArray() && !unit.isEmpty() ? unit.get(0).asText("") : "",
                        fullName(user.path("firstName").asText(""), user.path("lastName").asText(""))));
            }
            if (users.size() < page) {
                break;
            }
        }
        people.sort(Comparator.comparing(Person::username));
        return List.copyOf(people);
    }

    /**
     * Keycloak's first and last name as one: 李 + 科长（党政办公室） is written as one word, as Chinese
     * names are; Ann + Lee keeps the space between two Latin words.
     */
    static String fullName(String first, String last) {
        first = first.strip();
        last = last.strip();
        if (first.isEmpty() || last.isEmpty()) {
            return first + last;
        }
        boolean latin = Character.isLetter(first.charAt(first.length() - 1)) && first.charAt(first.length() - 1) < 0x250
                && Character.isLetter(last.charAt(0)) && last.charAt(0) < 0x250;
        return latin ? first + " " + last : first + last;
    }

    private String token(String base) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(config.clientId()) + "&client_secret="
                + enc(config.clientSecret().orElse(""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/" + config.realm()
                        + "/protocol/openid-connect/token"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        BoundedHttp.Answer answer = BoundedHttp.send(http, request, ANSWER_BYTES);
        if (answer.status() != 200) {
            throw new IOException("token endpoint answered " + answer.status());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Authorization", "Bearer " + token).GET().build();
        BoundedHttp.Answer answer = BoundedHttp.send(http, request, ANSWER_BYTES);
        if (answer.status() != 200) {
            throw new IOException(url + " answered " + answer.status());
        }
        return JSON.readTree(answer.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
