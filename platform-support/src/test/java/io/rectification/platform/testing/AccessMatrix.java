package io.rectification.platform.testing;

import io.rectification.platform.security.Roles;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorisation matrix: for every operation in the service's OpenAPI document and every
 * caller (no token, expired, wrong signature, wrong issuer, each role), the expected answer,
 * taken from the table in docs/security.md. An operation without a row there fails the test, so
 * a new endpoint cannot ship without a rule.
 */
public final class AccessMatrix {

    public static final String PUBLIC = "public";
    /** Each role alone; the wall screen's dashboard-viewer too, so every operation but the dashboards refuses it. */
    static final List<String> ROLES = List.of(Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION,
            Roles.ADMIN, Roles.DASHBOARD_VIEWER);

    private AccessMatrix() {
    }

    /** Checks every operation of the running service against the rules of {@code service} in docs/security.md. */
    public static void verify(String service) throws IOException {
        Map<String, Set<String>> rules = rulesFor(service);
        Map<String, Operation> operations = operations();
        List<String> failures = new ArrayList<>();

        Set<String> withoutRule = new TreeSet<>(operations.keySet());
        withoutRule.removeAll(rules.keySet());
        withoutRule.forEach(op -> failures.add(op + ": no row in docs/security.md"));
        Set<String> stale = new TreeSet<>(rules.keySet());
        stale.removeAll(operations.keySet());
        stale.forEach(op -> failures.add(op + ": row in docs/security.md but no such operation"));

        for (Map.Entry<String, Operation> operation : operations.entrySet()) {
            Set<String> allowed = rules.get(operation.getKey());
            if (allowed == null) {
                continue;
            }
            String[] methodAndPath = operation.getKey().split(" ", 2);
            String path = concrete(methodAndPath[1]);
            String mediaType = operation.getValue().mediaType();
            if (allowed.contains(PUBLIC)) {
                expectAdmitted(failures, operation.getKey(), "no token", request(null, mediaType), methodAndPath[0], path);
                continue;
            }
            expectStatus(failures, operation.getKey(), "no token", request(null, mediaType), methodAndPath[0], path, 401);
            expectStatus(failures, operation.getKey(), "expired token",
                    request(TestTokens.expired(Roles.ADMIN), mediaType), methodAndPath[0], path, 401);
            expectStatus(failures, operation.getKey(), "token with a wrong signature",
                    request(TestTokens.wrongSignature(Roles.ADMIN), mediaType), methodAndPath[0], path, 401);
            expectStatus(failures, operation.getKey(), "token of another issuer",
                    request(TestTokens.wrongIssuer(Roles.ADMIN), mediaType), methodAndPath[0], path, 401);
            for (String role : ROLES) {
                RequestSpecification spec = request(TestTokens.tokenInUnit("matrix-" + role, "matrix-unit", role), mediaType);
                if (allowed.contains(role)) {
                    expectAdmitted(failures, operation.getKey(), role, spec, methodAndPath[0], path);
                } else {
                    expectStatus(failures, operation.getKey(), role, spec, methodAndPath[0], path, 403);
                }
            }
        }
        assertTrue(failures.isEmpty(), "access matrix of " + service + ":\n  " + String.join("\n  ", failures));
    }

    /** "METHOD /path" → allowed callers, from the service's table in docs/security.md. */
    static Map<String, Set<String>> rulesFor(String service) throws IOException {
        Path doc = locate("docs/security.md");
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("### ")) {
                inSection = line.substring(4).trim().equals(service);
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 4) {
                continue;
            }
            String method = cells[1].trim();
            String path = cells[2].trim().replace("`", "");
            if (!method.matches("GET|POST|PUT|PATCH|DELETE")) {
                continue;
            }
            Set<String> who = new LinkedHashSet<>();
            for (String w : cells[3].split(",")) {
                who.add(w.trim());
            }
            rules.put(method + " " + path, who);
        }
        if (rules.isEmpty()) {
            throw new AssertionError("docs/security.md has no table under '### " + service + "'");
        }
        return rules;
    }

    /** One operation of the OpenAPI document: the media type its body takes (JSON where it takes none). */
    record Operation(String mediaType, boolean takesBody, List<String> queryParameters) {
    }

    /** "METHOD /path" → operation, for every operation in the OpenAPI document (the /q/ endpoints are not in it). */
    static Map<String, Operation> operations() {
        JsonPath openapi = RestAssured.given().queryParam("format", "json").get("/q/openapi").jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        Map<String, Operation> operations = new LinkedHashMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (method.matches("get|post|put|patch|delete")) {
                boolean takesBody = operation instanceof Map<?, ?> op && op.containsKey("requestBody");
                String mediaType = "application/json";
                if (takesBody && ((Map<?, ?>) operation).get("requestBody") instanceof Map<?, ?> body
                        && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                    mediaType = content.keySet().iterator().next().toString();
                }
                List<String> query = new java.util.ArrayList<>();
                if (operation instanceof Map<?, ?> op && op.get("parameters") instanceof List<?> parameters) {
                    for (Object parameter : parameters) {
                        if (parameter instanceof Map<?, ?> p && "query".equals(p.get("in"))) {
                            query.add(String.valueOf(p.get("name")));
                        }
                    }
                }
                operations.put(method.toUpperCase() + " " + path, new Operation(mediaType, takesBody, List.copyOf(query)));
            }
        }));
        return operations;
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
    }

    private static RequestSpecification request(String token, String mediaType) {
        // Bytes, so that any media type can be sent (a form as a form); a refusal must come before
        // the body is read anyway.
        RequestSpecification spec = mediaType.contains("form-urlencoded")
                ? RestAssured.given().contentType(mediaType).formParam("matrix", "1")
                : RestAssured.given().contentType(mediaType).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private static void expectStatus(List<String> failures, String operation, String caller, RequestSpecification spec,
                                     String method, String path, int expected) {
        Response response = spec.request(method, path);
        if (response.statusCode() != expected) {
            failures.add(operation + " as " + caller + ": expected " + expected + ", got " + response.statusCode());
        }
    }

    private static void expectAdmitted(List<String> failures, String operation, String caller, RequestSpecification spec,
                                       String method, String path) {
        int status = spec.request(method, path).statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(operation + " as " + caller + ": expected to be let through, got " + status);
        }
    }

    private static Path locate(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
