package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the OpenAPI document shows a client about what to send: every request body that is JSON or a
 * form carries at least one example (on its media type, on its schema, or on the component schema
 * the schema names), and every example of a JSON or form body is valid against that body's schema,
 * formats included (date-time, uuid, …), so that an example cannot drift away from what it shows.
 * A body of another media type (a file: XLSX, CSV, a binary) needs no example but a description
 * saying what the file holds.
 */
public final class OpenApiRequestExamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig FORMATS_ASSERTED = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private OpenApiRequestExamples() {
    }

    /** Every request body of the running service's document has an example valid against its schema. */
    public static void verify() {
        assertEquals(List.of(), problems(OpenApiAnswers.document()));
    }

    /**
     * The request bodies without an example (a file: without a description), and the examples
     * their schema does not allow, one line each.
     */
    public static List<String> problems(JsonNode document) {
        List<String> found = new ArrayList<>();
        for (OpenApiOperation operation : OpenApiOperation.of(document)) {
            JsonNode body = resolve(document, operation.node().path("requestBody"));
            if (body.isMissingNode() || body.path("content").isEmpty()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
                check(document, operation.name(), body, media.getKey(), media.getValue(), found);
            }
        }
        return found;
    }

    /**
     * The examples the document shows for one operation's body of {@code mediaType}, by name: for a
     * test that sends them to the service to show that it accepts what the document shows.
     */
    public static Map<String, JsonNode> examplesOf(JsonNode document, String method, String path, String mediaType) {
        JsonNode body = resolve(document, document.path("paths").path(path).path(method.toLowerCase()).path("requestBody"));
        JsonNode media = body.path("content").path(mediaType);
        if (media.isMissingNode()) {
            throw new AssertionError(method + " " + path + " documents no " + mediaType + " body");
        }
        return examples(document, media);
    }

    private static void check(JsonNode document, String operation, JsonNode body, String mediaType, JsonNode media,
                              List<String> found) {
        String type = mediaType.split(";")[0].trim().toLowerCase();
        boolean json = type.equals("application/json") || type.endsWith("+json");
        boolean form = type.equals("application/x-www-form-urlencoded");
        String name = operation + " " + mediaType;
        if (!json && !form) {
            if (body.path("description").asText("").isBlank() && media.path("schema").path("description").asText("").isBlank()) {
                found.add(name + ": a file body with neither an example nor a description of what it holds");
            }
            return;
        }
        JsonNode schema = media.path("schema");
        Map<String, JsonNode> examples = examples(document, media);
        if (examples.isEmpty()) {
            found.add(name + ": no example");
            return;
        }
        if (schema.isMissingNode()) {
            found.add(name + ": examples but no schema to hold them to");
            return;
        }
        JsonSchema compiled = compile(document, schema);
        examples.forEach((label, value) -> {
            List<String> errors = compiled.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
            if (!errors.isEmpty()) {
                found.add(name + " example " + label + " is not valid against its schema: "
                        + String.join("; ", errors.subList(0, Math.min(5, errors.size()))));
            }
        });
    }

    /** The examples of a media type, by where they are written: its own, then its schema's, then the component's. */
    private static Map<String, JsonNode> examples(JsonNode document, JsonNode media) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (media.has("example")) {
            examples.put("example", media.get("example"));
        }
        for (Map.Entry<String, JsonNode> named : media.path("examples").properties()) {
            JsonNode example = resolve(document, named.getValue());
            if (example.has("value")) {
                examples.put("'" + named.getKey() + "'", example.get("value"));
            } else {
                // externalValue or nothing: nothing the document itself shows
                examples.put("'" + named.getKey() + "'", null);
            }
        }
        JsonNode schema = media.path("schema");
        String where = "schema";
        for (int hops = 0; hops < 8 && !schema.isMissingNode(); hops++) {
            if (schema.has("example")) {
                examples.put(where + " example", schema.get("example"));
            }
            JsonNode list = schema.path("examples");
            for (int i = 0; i < list.size(); i++) {
                examples.put(where + " examples[" + i + "]", list.get(i));
            }
            if (!schema.has("$ref")) {
                break;
            }
            where = schema.get("$ref").asText();
            schema = where.startsWith("#/") ? document.at(where.substring(1)) : MissingNode.getInstance();
        }
        examples.entrySet().removeIf(e -> e.getValue() == null);
        return examples;
    }

    /** A local {@code $ref} (#/components/...) followed to what it names; anything else as it is. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        for (int hops = 0; hops < 8 && node.has("$ref"); hops++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    /** A body's schema with the document's components beside it, so that its local $refs resolve. */
    private static JsonSchema compile(JsonNode document, JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.putArray("allOf").add(schema);
        return FACTORY.getSchema(root, FORMATS_ASSERTED);
    }
}
