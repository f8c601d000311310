package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rectification.platform.rest.PathTemplates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a service's OpenAPI document promises about its answers, checked against a real answer as an
 * OpenAPI-driven tester checks it: the status is one the operation documents (or its
 * {@code default}), the media type one that status documents, and a JSON body valid against that
 * status's schema. The document is the one the service serves; nothing here restates it.
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;
    private final PathTemplates templates;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public OpenApiDocument(String openApiJson) {
        try {
            this.document = JSON.readTree(openApiJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document in JSON", e);
        }
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        this.templates = new PathTemplates(paths);
    }

    /**
     * Why the answer breaks the document, or null when it keeps it or the request is not one the
     * document describes (a path or method outside it, such as /q/health).
     *
     * @param path the request's path, without query, as sent (percent-encoded)
     */
    public String violation(String method, String path, int status, String contentType, String body) {
        JsonNode operation = operation(method, path);
        if (operation == null) {
            return null;
        }
        String name = method.toUpperCase() + " " + path;
        JsonNode responses = operation.path("responses");
        JsonNode documented = responses.path(String.valueOf(status));
        if (documented.isMissingNode()) {
            documented = responses.path(status / 100 + "XX");
        }
        if (documented.isMissingNode()) {
            documented = responses.path("default");
        }
        if (documented.isMissingNode()) {
            return name + " answered " + status + ", which its OpenAPI document does not list (" + fieldNames(responses) + ")";
        }
        JsonNode content = documented.path("content");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (body == null || body.isEmpty() || mediaType.isEmpty() || content.isEmpty()) {
            return null;
        }
        String declared = declared(content, mediaType);
        if (declared == null) {
            return name + " answered " + status + " as " + mediaType + ", which its OpenAPI document does not list for "
                    + status + " (" + fieldNames(content) + ")";
        }
        JsonNode schema = content.path(declared).path("schema");
        if (schema.isMissingNode() || !(mediaType.endsWith("/json") || mediaType.endsWith("+json"))) {
            return null;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            return name + " answered " + status + " as " + mediaType + " with a body that is not JSON";
        }
        // Compiled once per schema as written (most are one $ref, such as Problem's), not per request path.
        List<String> errors = schemas.computeIfAbsent(schema.toString(), k -> compile(schema)).validate(value).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
        return errors.isEmpty() ? null : name + " answered " + status + " with a body its OpenAPI schema does not allow: "
                + String.join("; ", errors.subList(0, Math.min(5, errors.size())))
                + "\nbody: " + body.substring(0, Math.min(600, body.length()));
    }

    /**
     * Which of {@code members} the schema of the operation's answer does not require, so does not
     * promise present and not null ({@code NullableMembers} lets every other member be null): "id" a
     * member of the answer, "items[].state" of each item of its list member items, "[].id" of each
     * item of an answer that is a list.
     */
    public List<String> notRequired(String method, String path, int status, String mediaType, List<String> members) {
        JsonNode operation = operation(method, path);
        if (operation == null) {
            throw new IllegalArgumentException(method + " " + path + " is not in the OpenAPI document");
        }
        JsonNode schema = operation.path("responses").path(String.valueOf(status)).path("content").path(mediaType)
                .path("schema");
        return members.stream().filter(member -> !requires(schema, member)).toList();
    }

    /** The members a schema lists as required but does not have ("TaskSnapshot.stat"): a name mistyped. */
    public List<String> requiredButNotProperties() {
        List<String> found = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> schema.getValue().path("required")
                .forEach(name -> {
                    if (!schema.getValue().path("properties").has(name.asText())) {
                        found.add(schema.getKey() + "." + name.asText());
                    }
                }));
        return found;
    }

    private boolean requires(JsonNode schema, String member) {
        JsonNode current = resolved(schema);
        for (String step : member.split("\\.")) {
            boolean each = step.endsWith("[]");
            String name = each ? step.substring(0, step.length() - 2) : step;
            if (!name.isEmpty()) {
                boolean required = false;
                for (JsonNode listed : current.path("required")) {
                    required |= listed.asText().equals(name);
                }
                if (!required) {
                    return false;
                }
                current = resolved(current.path("properties").path(name));
            }
            if (each) {
                current = resolved(current.path("items"));
            }
        }
        return true;
    }

    private JsonNode resolved(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        String components = "#/components/schemas/";
        return ref.startsWith(components)
                ? document.path("components").path("schemas").path(ref.substring(components.length())) : schema;
    }

    private JsonNode operation(String method, String path) {
        // The most specific template that has this method: /tasks/summary GET before /tasks/{id} GET.
        for (String template : templates.matching(path)) {
            JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
            if (!operation.isMissingNode()) {
                return operation;
            }
        }
        return null;
    }

    /** The documented media type that covers the answer's (exactly, or through a wildcard such as text/*). */
    private static String declared(JsonNode content, String mediaType) {
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String declared = name.split(";")[0].trim().toLowerCase();
            if (declared.equals(mediaType) || declared.equals("*/*")
                    || declared.endsWith("/*") && mediaType.startsWith(declared.substring(0, declared.length() - 1))) {
                return name;
            }
        }
        return null;
    }

    /** A response's schema with the document's components beside it, so that its local $refs resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.putArray("allOf").add(schema);
        return FACTORY.getSchema(root);
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.joining(", "));
    }
}
