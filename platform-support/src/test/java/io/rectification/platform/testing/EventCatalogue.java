package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.events.EventEnvelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One producer's fragment of the event catalogue ({@code docs/events/<fragment>}, AsyncAPI
 * {@code messages} whose payloads are JSON Schema 2020-12 with local {@code #/components} references),
 * to check what a service really publishes against what the catalogue promises. The catalogue is
 * the one source of truth: nothing here restates a schema.
 */
public final class EventCatalogue {

    private static final Map<String, EventCatalogue> LOADED = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final Path file;
    private final JsonNode document;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private EventCatalogue(Path file, JsonNode document) {
        this.file = file;
        this.document = document;
    }

    /** The fragment named {@code fragment} (e.g. {@code tasks-events.yaml}), read once per test run. */
    public static EventCatalogue of(String fragment) {
        return LOADED.computeIfAbsent(fragment, EventCatalogue::read);
    }

    /** Every event type the fragment defines. */
    public Set<String> eventTypes() {
        Set<String> types = new TreeSet<>();
        document.path("messages").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /**
     * Every way {@code data} departs from the payload schema of {@code eventType}, each as
     * "path: what is wrong" (paths start at {@code $}, the event's data); empty when it conforms.
     */
    public List<String> violations(String eventType, JsonNode data) {
        JsonNode message = document.path("messages").path(eventType);
        if (message.isMissingNode()) {
            return List.of("event type " + eventType + " is not in " + file.getFileName());
        }
        JsonSchema schema = schemas.computeIfAbsent(eventType, type -> compile(message));
        List<String> errors = new ArrayList<>();
        schema.validate(data).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(error -> errors.add(error.getMessage()));
        return errors;
    }

    /**
     * Fails (AssertionError naming each violation and showing the data) unless the event matches its
     * schema and reads back as its own record of the contract (what consumers read).
     */
    public void assertMatches(EventEnvelope event) {
        List<String> errors = violations(event.type(), event.data());
        if (!errors.isEmpty()) {
            throw new AssertionError(event.type() + " does not match " + file.getFileName() + ": "
                    + String.join("; ", errors) + "\ndata: " + event.data());
        }
        // decode throws when the data cannot be read into the record (an id or date it cannot parse)
        Class<?> read = EventContract.decode(event).map(Object::getClass).orElse(null);
        if (read == null || !read.equals(EventContract.recordOf(event.type()).orElse(null))) {
            throw new AssertionError(event.type() + " has no record in platform contract/ to be read as");
        }
    }

    /** Whether the catalogue marks the type {@code deprecated} (no longer published, still read). */
    public boolean deprecated(String eventType) {
        return document.path("messages").path(eventType).path("deprecated").asBoolean(false);
    }

    /** The payload schema of a type as written (with $refs), for checks that walk it with {@link #resolve}. */
    public JsonNode payload(String eventType) {
        return document.path("messages").path(eventType).path("payload");
    }

    /** The node at a JSON pointer into the file (e.g. {@code /channels/tasks/address}); missing: a missing node. */
    public JsonNode at(String pointer) {
        return document.at(pointer);
    }

    /** The fragment's schema objects that hold a member no JSON Schema keyword is named (see {@link #unknownKeywords(JsonNode)}). */
    public List<String> unknownKeywords() {
        return unknownKeywords(document);
    }

    /**
     * Every schema object (one with a type, a $ref or a oneOf) under {@code node} holding a member
     * that is not a JSON Schema keyword, as "path: [members]". In YAML's flow style a comma ends a
     * member, so {@code {type: string, description: due 3, 6 or 12 months on}} gives a schema with
     * the members "6 or 12 months on" and a description cut short: valid YAML, a wrong document.
     */
    public static List<String> unknownKeywords(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectUnknownKeywords(node, "$", found);
        return found;
    }

    private static final Set<String> SCHEMA_KEYWORDS = Set.of("$ref", "$id", "$comment", "type", "format", "description",
            "title", "enum", "const", "default", "examples", "deprecated", "readOnly", "writeOnly", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "items",
            "minItems", "maxItems", "uniqueItems", "properties", "patternProperties", "additionalProperties",
            "propertyNames", "required", "minProperties", "maxProperties", "oneOf", "anyOf", "allOf", "not", "if",
            "then", "else", "contentEncoding", "contentMediaType");

    private static void collectUnknownKeywords(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            if (node.has("type") || node.has("$ref") || node.has("oneOf")) {
                List<String> unknown = new ArrayList<>();
                node.fieldNames().forEachRemaining(name -> {
                    if (!SCHEMA_KEYWORDS.contains(name)) {
                        unknown.add(name);
                    }
                });
                if (!unknown.isEmpty()) {
                    found.add(path + ": " + unknown);
                }
            }
            node.properties().forEach(member -> collectUnknownKeywords(member.getValue(), path + "." + member.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnknownKeywords(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    /** A schema with its local $ref followed (repeatedly); other schemas as they are. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are read: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** The payload schema of one message, with the fragment's components beside it so local $refs resolve. */
    private JsonSchema compile(JsonNode message) {
        ObjectNode schema = new ObjectMapper().createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", document.path("components"));
        schema.setAll((ObjectNode) message.path("payload"));
        return FACTORY.getSchema(schema);
    }

    private static EventCatalogue read(String fragment) {
        Path file = locate(fragment);
        try {
            return new EventCatalogue(file, new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** docs/events sits at the repository's root; tests run in a module's directory below it. */
    private static Path locate(String fragment) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("events").resolve(fragment);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/events/" + fragment + " above " + Path.of("").toAbsolutePath());
    }
}
