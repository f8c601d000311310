package io.rectification.tasks.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks event data against docs/events/tasks-events.yaml: the subset of JSON Schema the catalogue
 * uses (type with null, required, properties, items, enum, minimum/maximum, allOf, local $ref).
 */
final class EventSchemas {

    static final Path CATALOGUE = Path.of("..", "docs", "events", "tasks-events.yaml");

    private final JsonNode document;

    private EventSchemas(JsonNode document) {
        this.document = document;
    }

    static EventSchemas load() throws IOException {
        return new EventSchemas(new ObjectMapper(new YAMLFactory()).readTree(CATALOGUE.toFile()));
    }

    List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        document.get("messages").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /** Every way {@code data} departs from the payload schema of {@code eventType}; empty when it conforms. */
    List<String> violations(String eventType, JsonNode data) {
        JsonNode message = document.path("messages").get(eventType);
        List<String> errors = new ArrayList<>();
        if (message == null) {
            errors.add("no message " + eventType + " in the catalogue");
            return errors;
        }
        check(message.get("payload"), data, "data", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, at, errors);
            return;
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> check(part, value, at, errors));
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asText().equals(value.asText()) && !allowed.isNull();
            }
            if (!listed) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(at + ": below minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            errors.add(at + ": above maximum " + schema.get("maximum"));
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    errors.add(at + "." + name.asText() + ": required but missing");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (value.has(property.getKey())) {
                    check(property.getValue(), value.get(property.getKey()), at + "." + property.getKey(), errors);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + ref);
        }
        return node;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
