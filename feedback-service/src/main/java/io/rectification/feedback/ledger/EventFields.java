package io.rectification.feedback.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * Reads the members of an event from another service, naming the member by its path when it is
 * missing or malformed: the consumer then dead-letters the event with that message (Kafka's
 * equivalent of a 400 naming the field).
 */
final class EventFields {

    private final JsonNode node;
    private final String path;

    private EventFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static EventFields of(JsonNode data) {
        return new EventFields(data, "data");
    }

    EventFields object(String name) {
        JsonNode child = node == null ? null : node.get(name);
        if (child == null || !child.isObject()) {
            throw new IllegalArgumentException(path + "." + name + ": must be an object");
        }
        return new EventFields(child, path + "." + name);
    }

    UUID uuid(String name) {
        String text = text(name);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + "." + name + ": must be a UUID");
        }
    }

    UUID optionalUuid(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : uuid(name);
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(path + "." + name + ": must be a non-empty string");
        }
        return value.asText();
    }

    String optionalText(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(name);
    }

    int integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()
                || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException(path + "." + name + ": must be an integer from " + min + " to " + max);
        }
        return value.asInt();
    }

    int integerOr(String name, int min, int max, int absent) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? absent : integer(name, min, max);
    }

    long longOr(String name, long absent) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException(path + "." + name + ": must be an integer");
        }
        return value.asLong();
    }
}
