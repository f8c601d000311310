package io.rectification.reporting.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Tolerant reading of the snapshots the read models keep as jsonb (lists as of a past day, the
 * report's figures): a missing or null member is null, unknown members are ignored. Events
 * themselves are read as records (platform {@code contract.EventContract}), not through here.
 */
public final class Json {

    private Json() {
    }

    /** A snapshot as a read model keeps it (null stays null); one that cannot be read is a broken read model. */
    public static JsonNode parse(ObjectMapper objectMapper, String text) {
        if (text == null) {
            return null;
        }
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    public static UUID uuid(JsonNode parent, String name) {
        String text = text(parent, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a UUID: " + text);
        }
    }

    /** A day as the contract writes it (YYYY-MM-DD); null when missing or not one. */
    public static LocalDate date(JsonNode parent, String name) {
        String text = text(parent, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a date: " + text);
        }
    }

    public static Integer integer(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        return node == null || node.isNull() ? null : node.asInt();
    }
}
