package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the OpenAPI document says an operation answers, as a tester driven by it would read it:
 * every success answer has content; a JSON one has a named schema (a typed view, not an untyped
 * map or a bare Response) or is a list of one; files, CSV, XLSX and the like name their media type.
 * 204 and 304 carry no body and are not checked.
 */
public final class OpenApiAnswers {

    private OpenApiAnswers() {
    }

    /** The running service's document. */
    public static JsonNode document() {
        String json = RestAssured.given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /** Every success answer of the running service has a schema or a non-JSON media type. */
    public static void verifySuccessAnswers() {
        assertEquals(List.of(), untypedSuccessAnswers(document()));
    }

    /**
     * Every answer (errors too) of the operations under {@code pathPrefix} has, for each of its
     * media types, a named schema: for APIs that answer errors in a shape of their own.
     */
    public static void verifyEveryAnswerUnder(String pathPrefix) {
        assertEquals(List.of(), untypedAnswersUnder(document(), pathPrefix));
    }

    /**
     * The operation lists each of {@code statuses} itself, not only through {@code default}: answers
     * a generated client types (a 409's members, a 422's retryAfterSeconds).
     */
    public static void verifyDeclares(String method, String path, String... statuses) {
        JsonNode responses = document().path("paths").path(path).path(method.toLowerCase()).path("responses");
        List<String> missing = new ArrayList<>();
        for (String status : statuses) {
            if (!responses.has(status)) {
                missing.add(status);
            }
        }
        assertEquals(List.of(), missing, method + " " + path + " does not list these statuses; it lists "
                + String.join(", ", responses.properties().stream().map(Map.Entry::getKey).toList()));
    }

    /**
     * The values a parameter of the operation takes, as the document lists them (its enum, or the
     * enum of the schema it refers to); empty when it lists none.
     */
    public static List<String> parameterValues(String method, String path, String name) {
        JsonNode document = document();
        for (JsonNode parameter : document.path("paths").path(path).path(method.toLowerCase()).path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                JsonNode schema = parameter.path("schema");
                String ref = schema.path("$ref").asText("");
                if (!ref.isEmpty()) {
                    schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
                }
                List<String> values = new ArrayList<>();
                schema.path("enum").forEach(value -> values.add(value.asText()));
                return values;
            }
        }
        throw new AssertionError(method + " " + path + " has no parameter " + name);
    }

    /** The success answers without content, and the JSON ones without a named schema. */
    public static List<String> untypedSuccessAnswers(JsonNode document) {
        return untyped(document, path -> true, status -> status.startsWith("2"),
                mediaType -> mediaType.startsWith("application/json"));
    }

    /** The answers under {@code pathPrefix} without content, or with a media type without a named schema. */
    public static List<String> untypedAnswersUnder(JsonNode document, String pathPrefix) {
        List<String> found = untyped(document, path -> path.startsWith(pathPrefix), status -> true, mediaType -> true);
        boolean any = document.path("paths").properties().stream().anyMatch(p -> p.getKey().startsWith(pathPrefix));
        if (!any) {
            found.add("no operation under " + pathPrefix);
        }
        return found;
    }

    private static List<String> untyped(JsonNode document, Predicate<String> paths, Predicate<String> statuses,
                                        Predicate<String> needsSchema) {
        List<String> found = new ArrayList<>();
        for (OpenApiOperation operation : OpenApiOperation.of(document)) {
            if (!paths.test(operation.path())) {
                continue;
            }
            String name = operation.name();
            for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
                String status = response.getKey();
                if (!statuses.test(status) || status.equals("204") || status.equals("304")) {
                    continue;
                }
                JsonNode content = response.getValue().get("content");
                if (content == null || content.isEmpty()) {
                    found.add(name + " " + status + ": no content");
                    continue;
                }
                for (Map.Entry<String, JsonNode> mediaType : content.properties()) {
                    if (needsSchema.test(mediaType.getKey()) && !isTyped(mediaType.getValue().get("schema"))) {
                        found.add(name + " " + status + " " + mediaType.getKey() + ": no named schema "
                                + mediaType.getValue().get("schema"));
                    }
                }
            }
        }
        return found;
    }

    /** A named schema, or a list of one: an untyped map would be a bare {@code type: object}. */
    static boolean isTyped(JsonNode schema) {
        if (schema == null) {
            return false;
        }
        if (schema.has("$ref")) {
            return true;
        }
        return "array".equals(schema.path("type").asText()) && schema.path("items").has("$ref");
    }
}
