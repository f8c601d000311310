package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part of {@link HostileInput}: from the OpenAPI document, every text, decimal and date field of
 * every JSON body (nested ones too) gets a value the platform's input limits refuse (a NUL, a bell
 * character, a lone surrogate; 1e16; a fraction, 1e10, 2^63 and 30,000 digits in a text for a whole
 * number; the years 0 and 9999), every text, number, boolean or enum field a value of another JSON
 * type (an object), every whole-number query parameter gets 99999999999999999999 and 2147483647 (each
 * has a maximum), and every query parameter of a set of values one outside it. Each must
 * be a 400 problem+json whose errors name that field and say what is wrong ("cannot be read" does not). A JSON body documented as bare text or as a
 * JSON tree is a failure of its own: its fields would go unchecked; so is a list answering a page
 * without documenting its {@code page} and {@code size}.
 */
final class FieldLimits {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final int MAX_DEPTH = 6;

    private final Map<String, Object> openapi;
    private final String token;
    private final List<String> failures;
    private int checked;
    private int pages;

    FieldLimits(String token, List<String> failures) {
        this.openapi = PlainHttp.openApiDocument();
        this.token = token;
        this.failures = failures;
    }

    /** A body with one refused value at {@code field}. */
    record Case(String field, String what, Object body) {
    }

    /** Checks every operation; answers how many refused values were sent. */
    @SuppressWarnings("unchecked")
    int verify(String id) {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");
        paths.forEach((template, methods) -> methods.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !method.matches("get|post|put|patch")) {
                return;
            }
            String path = template.replaceAll("\\{[^}]+}", id);
            String name = method.toUpperCase() + " " + template;
            pagingDocumented(name, op);
            if (op.get("parameters") instanceof List<?> parameters) {
                for (Object parameter : parameters) {
                    Map<String, Object> p = (Map<String, Object>) parameter;
                    Map<String, Object> schema = resolve((Map<String, Object>) p.get("schema"));
                    if (!"query".equals(p.get("in")) || schema == null) {
                        continue;
                    }
                    String param = (String) p.get("name");
                    // Every whole number is bounded: page=2147483647 passed and made the offset overflow.
                    List<String> refused = "integer".equals(schema.get("type"))
                            ? List.of("99999999999999999999", String.valueOf(Integer.MAX_VALUE))
                            : schema.containsKey("enum") ? List.of("NOT_ONE_OF_THEM") : List.of();
                    for (String value : refused) {
                        expect(name + " with query " + param + "=" + value, param,
                                authorised(method, path).query(param, value).body("application/json", "{}").send());
                    }
                }
            }
            if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
                    && content.get("application/json") instanceof Map<?, ?> json) {
                Map<String, Object> schema = (Map<String, Object>) json.get("schema");
                if (undocumented(schema)) {
                    // A resource reading its body as text or a tree (to word its own refusals) still takes an object.
                    failures.add(name + " documents its JSON body as " + schema + ", not the fields it takes: "
                            + "neither a client nor this check can know them");
                }
                for (Case c : cases(resolve(schema), "", 0)) {
                    String text;
                    try {
                        text = JSON.writeValueAsString(c.body()).replace(LONE_SURROGATE, "\\ud800");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    expect(name + " with " + c.what() + " in " + c.field(), c.field(), authorised(method, path)
                            .body("application/json", text).send());
                }
            }
        }));
        return checked;
    }

    /**
     * A list answering a page ({@code PageOf}: items and total) documents the {@code page} and
     * {@code size} it takes, so that clients know them and the bounds above are checked on them.
     */
    @SuppressWarnings("unchecked")
    private void pagingDocumented(String name, Map<?, ?> op) {
        if (!(op.get("responses") instanceof Map<?, ?> responses) || !(responses.get("200") instanceof Map<?, ?> ok)
                || !(ok.get("content") instanceof Map<?, ?> content)
                || !(content.get("application/json") instanceof Map<?, ?> json)) {
            return;
        }
        Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"));
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)
                || !properties.containsKey("items") || !properties.containsKey("total")) {
            return;
        }
        pages++;
        List<Object> names = new ArrayList<>();
        if (op.get("parameters") instanceof List<?> parameters) {
            parameters.forEach(parameter -> names.add(((Map<?, ?>) parameter).get("name")));
        }
        if (!names.contains("page") || !names.contains("size")) {
            failures.add(name + " answers a page but documents its query parameters as " + names + ", without page and size");
        }
    }

    /** How many operations answering a page were found (none would mean the check above never ran). */
    int pages() {
        return pages;
    }

    @SuppressWarnings("unchecked")
    private List<Case> cases(Map<String, Object> schema, String at, int depth) {
        List<Case> cases = new ArrayList<>();
        if (schema == null || depth > MAX_DEPTH) {
            return cases;
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if (type.matches("string|integer|number|boolean")) {
            // A value of another JSON type: 400 saying what is expected, never a 500 (an object in
            // a window time was built into a record with every part null) nor "expected object". An
            // object is the one sent to every field: it reaches a field's own value creator, where that
            // fault was; arrays and booleans take the mappers' one path, which ErrorMappersTest covers.
            cases.add(new Case(at, "an object", Map.of("a", 1)));
        }
        if (schema.containsKey("enum")) {
            return cases.stream().filter(c -> !c.field().isEmpty()).toList();
        }
        switch (type) {
            case "object" -> {
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((property, propertySchema) -> {
                        String field = at.isEmpty() ? (String) property : at + "." + property;
                        for (Case inner : cases(resolve((Map<String, Object>) propertySchema), field, depth + 1)) {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put((String) property, inner.body());
                            cases.add(new Case(inner.field(), inner.what(), body));
                        }
                    });
                }
            }
            case "array" -> {
                for (Case inner : cases(resolve((Map<String, Object>) schema.get("items")), at + "[0]", depth + 1)) {
                    cases.add(new Case(inner.field(), inner.what(), List.of(inner.body())));
                }
            }
            case "number" -> cases.add(new Case(at, "1e16", new BigDecimal("1E+16")));
            case "integer" -> {
                cases.add(new Case(at, "a 30,000-character text", "1".repeat(30_000)));
                cases.add(new Case(at, "a fraction", new BigDecimal("1.5")));
                cases.add(new Case(at, "1e10", new BigDecimal("1E+10")));
                cases.add(new Case(at, "2^63", new java.math.BigInteger("9223372036854775808")));
            }
            case "string" -> {
                switch (format) {
                    case "date" -> {
                        cases.add(new Case(at, "the year 0", "0000-01-01"));
                        cases.add(new Case(at, "the year 9999", "9999-12-31"));
                    }
                    case "date-time" -> cases.add(new Case(at, "the year 9999", "9999-12-31T00:00:00Z"));
                    case "uuid", "binary", "byte" -> {
                    }
                    default -> {
                        cases.add(new Case(at, "a NUL", "a\u0000b"));
                        cases.add(new Case(at, "a bell character", "a\u0007b"));
                        cases.add(new Case(at, "a lone surrogate", "a" + LONE_SURROGATE));
                    }
                }
            }
            default -> {
            }
        }
        return cases.stream().filter(c -> !c.field().isEmpty()).toList();
    }

    private static boolean undocumented(Map<String, Object> schema) {
        return schema == null || "string".equals(schema.get("type"))
                || String.valueOf(schema.get("$ref")).endsWith("/JsonNode");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openapi.get("components")).get("schemas");
            return resolve((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            return resolve((Map<String, Object>) all.get(0));
        }
        if (schema.get("oneOf") instanceof List<?> one && !one.isEmpty()) {
            return resolve((Map<String, Object>) one.get(0));
        }
        if (schema.get("type") instanceof List<?> types) { // OpenAPI 3.1: ["string", "null"]
            Map<String, Object> single = new LinkedHashMap<>(schema);
            single.put("type", types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("null"));
            return single;
        }
        return schema;
    }

    private PlainHttp authorised(String method, String path) {
        // Each value from an address of its own (the tests trust X-Forwarded-For): the public
        // endpoints' rate limits count refusals too, and would answer 429 before the value is read.
        return PlainHttp.request(method.toUpperCase(), path).bearer(token)
                .header("X-Forwarded-For", "198.51.100." + (checked % 254 + 1));
    }

    private void expect(String what, String field, PlainHttp.Answer response) {
        checked++;
        if (response.status() != 400 || !response.isProblem()) {
            failures.add(what + ": expected 400 problem+json, got " + response.status() + " " + response.contentType());
            return;
        }
        List<String> fields = response.errorFields();
        if (!fields.contains(field)) {
            failures.add(what + ": the answer does not name " + field + ": " + response.body());
            return;
        }
        String message = response.json().path("errors").path(fields.indexOf(field)).path("message").asText(null);
        if (VAGUE.contains(message)) {
            failures.add(what + ": the answer names " + field + " but not what is wrong with it: " + message);
        }
    }

    /** Messages that say nothing a client can act on (every value checked here is a text, number or boolean). */
    private static final java.util.Set<String> VAGUE = java.util.Set.of("cannot be read", "expected object");
}
