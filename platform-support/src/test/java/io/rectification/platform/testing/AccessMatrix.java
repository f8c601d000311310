package io.rectification.platform.testing;

import io.rectification.platform.security.Roles;

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
 *
 * <p>Hundreds of requests a service, so they go through the JDK's HTTP client ({@link PlainHttp}) with each caller's
 * token made once (through REST Assured, with a token signed per request, tasks-service's matrix
 * took 12 s instead of 9).
 */
public final class AccessMatrix {

    public static final String PUBLIC = "public";
    /** Each role alone; the wall screen's dashboard-viewer too, so every operation but the dashboards refuses it. */
    static final List<String> ROLES = List.of(Roles.OFFICER, Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR,
            Roles.INTEGRATION, Roles.ADMIN, Roles.DASHBOARD_VIEWER);

    private AccessMatrix() {
    }

    /** Checks every operation of the running service against the rules of {@code service} in docs/security.md. */
    public static void verify(String service) throws IOException {
        Map<String, Set<String>> rules = rulesFor(service);
        Map<String, Operation> operations = operations();
        List<String> failures = new ArrayList<>();
        Caller anonymous = new Caller("no token", null);
        List<Caller> refused = List.of(anonymous, new Caller("expired token", TestTokens.expired(Roles.ADMIN)),
                new Caller("token with a wrong signature", TestTokens.wrongSignature(Roles.ADMIN)),
                new Caller("token of another issuer", TestTokens.wrongIssuer(Roles.ADMIN)),
                new Caller("ID token", TestTokens.idToken(Roles.ADMIN)));
        Map<String, Caller> roles = new LinkedHashMap<>();
        ROLES.forEach(role -> roles.put(role, new Caller(role, TestTokens.tokenInUnit("matrix-" + role, "matrix-unit", role))));

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
            if (!allowed.contains(PUBLIC) && !new TreeSet<>(allowed).equals(new TreeSet<>(operation.getValue().roles()))) {
                failures.add(operation.getKey() + ": the OpenAPI document names " + operation.getValue().roles()
                        + ", docs/security.md " + allowed);
            }
            String[] methodAndPath = operation.getKey().split(" ", 2);
            String path = concrete(methodAndPath[1]);
            String mediaType = operation.getValue().mediaType();
            Request request = new Request(operation.getKey(), methodAndPath[0], path, mediaType);
            if (allowed.contains(PUBLIC)) {
                expectAdmitted(failures, request, anonymous);
                continue;
            }
            refused.forEach(caller -> expectStatus(failures, request, caller, 401));
            roles.forEach((role, caller) -> {
                if (allowed.contains(role)) {
                    expectAdmitted(failures, request, caller);
                } else {
                    expectStatus(failures, request, caller, 403);
                }
            });
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

    /**
     * One operation of the OpenAPI document: the media type its body takes (JSON where it takes none),
     * and the roles its security requirement names (none when public).
     */
    record Operation(String mediaType, boolean takesBody, List<String> queryParameters, List<String> roles) {
    }

    /** "METHOD /path" → operation, for every operation in the OpenAPI document (the /q/ endpoints are not in it). */
    static Map<String, Operation> operations() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) PlainHttp.openApiDocument().get("paths");
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
                List<String> roles = new ArrayList<>();
                if (operation instanceof Map<?, ?> op && op.get("security") instanceof List<?> requirements) {
                    for (Object requirement : requirements) {
                        if (requirement instanceof Map<?, ?> schemes) {
                            schemes.values().forEach(scopes -> ((List<?>) scopes).forEach(scope -> roles.add(String.valueOf(scope))));
                        }
                    }
                }
                operations.put(method.toUpperCase() + " " + path,
                        new Operation(mediaType, takesBody, List.copyOf(query), List.copyOf(roles)));
            }
        }));
        return operations;
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
    }

    /** Who calls: a name for the failures, and the bearer token sent (none when null). */
    private record Caller(String name, String token) {
    }

    /** One operation's request, its path parameters filled in. */
    private record Request(String operation, String method, String path, String mediaType) {
    }

    private static int send(Request request, Caller caller) {
        // A body of its media type (a form as a form): a refusal must come before the body is read anyway.
        PlainHttp http = PlainHttp.request(request.method(), request.path())
                .body(request.mediaType(), request.mediaType().contains("form-urlencoded") ? "matrix=1" : "{}");
        if (caller.token() != null) {
            http.bearer(caller.token());
        }
        return http.send().status();
    }

    private static void expectStatus(List<String> failures, Request request, Caller caller, int expected) {
        int status = send(request, caller);
        if (status != expected) {
            failures.add(request.operation() + " as " + caller.name() + ": expected " + expected + ", got " + status);
        }
    }

    private static void expectAdmitted(List<String> failures, Request request, Caller caller) {
        int status = send(request, caller);
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(request.operation() + " as " + caller.name() + ": expected to be let through, got " + status);
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
