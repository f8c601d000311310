package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.events.CloudEventHeaders;
import io.rectification.platform.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One producer's fragment of the event catalogue ({@code docs/events/<fragment>}, AsyncAPI
 * {@code messages}), to check what a service really publishes against what the catalogue promises.
 * Each message is the whole Kafka record: its payload is the CloudEvents envelope of
 * {@code envelope.yaml} narrowed to the message's type, aggregatetype and {@code data} (JSON Schema
 * 2020-12, local {@code #/components} references), its traits the record's key and headers. The
 * catalogue is the one source of truth: nothing here restates a schema.
 *
 * <p>Two checks. {@link #recordViolations} reads a record as an integrator's validator fed the
 * published document would: the value against the message's payload, the headers and the key against
 * its traits, everything open as published. {@link #violations} checks the {@code data} strictly, as
 * the producer's own tests must: the published schemas leave every object open so that members may be
 * added (docs/events/README.md, "Versioning"), and this check closes each of them first, so a member
 * the catalogue does not name (personal data, an undocumented field) fails the producer's test.
 */
public final class EventCatalogue {

    private static final Map<String, EventCatalogue> LOADED = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final Path file;
    private final JsonNode document;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> messageSchemas = new ConcurrentHashMap<>();

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
     * Every way {@code data} departs from the data schema of {@code eventType}, closed (a member the
     * catalogue does not name is one), each as "path: what is wrong" (paths start at {@code $}, the
     * event's data); empty when it conforms.
     */
    public List<String> violations(String eventType, JsonNode data) {
        JsonNode message = document.path("messages").path(eventType);
        if (message.isMissingNode()) {
            return List.of("event type " + eventType + " is not in " + file.getFileName());
        }
        JsonSchema schema = schemas.computeIfAbsent(eventType, type -> compileClosed(data(type)));
        return messages(schema, data);
    }

    /**
     * Every way a record's value (the whole envelope as JSON) departs from the payload of the message
     * its {@code type} names, read as published (open); paths start at {@code $}, the envelope.
     */
    public List<String> valueViolations(JsonNode value) {
        String eventType = value.path("type").asText();
        JsonNode message = document.path("messages").path(eventType);
        if (message.isMissingNode()) {
            return List.of("event type '" + eventType + "' is not in " + file.getFileName());
        }
        JsonSchema schema = messageSchemas.computeIfAbsent(eventType,
                type -> compile(inline(this, message.path("payload"))));
        return messages(schema, value);
    }

    /**
     * Every way a published record departs from its message: the value against the payload (see
     * {@link #valueViolations}), the headers and the key against the message's traits, the key equal to
     * the subject and each {@code ce_} header to the envelope's attribute, as envelope.yaml says; empty
     * when the record is as the catalogue describes it.
     */
    public List<String> recordViolations(ConsumerRecord<String, String> record) {
        JsonNode value;
        try {
            value = new ObjectMapper().readTree(record.value());
        } catch (IOException | RuntimeException e) {
            return List.of("value: not JSON (" + e.getMessage() + ")");
        }
        List<String> errors = new ArrayList<>();
        valueViolations(value).forEach(error -> errors.add("value " + error));
        JsonNode message = document.path("messages").path(value.path("type").asText());
        if (message.isMissingNode()) {
            return errors;
        }
        JsonNode trait = trait(message);
        ObjectNode headers = new ObjectMapper().createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        messages(compile(inline(this, trait.path("headers"))), headers).forEach(error -> errors.add("headers " + error));
        JsonNode key = record.key() == null ? null : TextNode.valueOf(record.key());
        if (key == null) {
            errors.add("key: missing (the subject)");
        } else {
            messages(compile(inline(this, trait.path("bindings").path("kafka").path("key"))), key)
                    .forEach(error -> errors.add("key " + error));
            if (!record.key().equals(value.path("subject").asText())) {
                errors.add("key: " + record.key() + " is not the subject " + value.path("subject").asText());
            }
        }
        if (!CloudEventHeaders.CONTENT_TYPE.equals(CloudEventHeaders.value(record.headers(), "content-type"))) {
            errors.add("headers: content-type is not " + CloudEventHeaders.CONTENT_TYPE);
        }
        for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time")) {
            String header = CloudEventHeaders.value(record.headers(), "ce_" + attribute);
            if (header == null || !header.equals(value.path(attribute).asText())) {
                errors.add("headers: ce_" + attribute + " is " + header + ", the envelope's " + attribute + " "
                        + value.path(attribute));
            }
        }
        return errors;
    }

    /**
     * Fails (AssertionError naming each violation and showing the record) unless the published record
     * is its message as the catalogue describes it ({@link #recordViolations}), its data matches strictly
     * and reads back as its record ({@link #assertMatches}).
     */
    public void assertPublished(ConsumerRecord<String, String> record) {
        List<String> errors = recordViolations(record);
        if (!errors.isEmpty()) {
            throw new AssertionError("the record at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not its message in " + file.getFileName() + ": " + String.join("; ", errors)
                    + "\nkey: " + record.key() + "\nvalue: " + record.value());
        }
        EventEnvelope event = EventProbe.parse(record.value());
        if (event == null) {
            throw new AssertionError("the record's value is no envelope: " + record.value());
        }
        assertMatches(event);
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

    /**
     * The schema of a type's {@code data} as written (with $refs), for checks that walk it with
     * {@link #resolve}: the {@code data} property of the payload's part beside the envelope.
     */
    public JsonNode data(String eventType) {
        for (JsonNode part : document.path("messages").path(eventType).path("payload").path("allOf")) {
            if (part.path("properties").has("data")) {
                return part.path("properties").path("data");
            }
        }
        throw new IllegalArgumentException(eventType + " in " + file.getFileName()
                + " has no payload of the envelope's shape (allOf: the envelope, then type, aggregatetype and data)");
    }

    /** The message's one trait (envelope.yaml's KafkaRecord: the headers and the key), references followed. */
    private JsonNode trait(JsonNode message) {
        JsonNode traits = inline(this, message.path("traits"));
        if (traits.size() != 1) {
            throw new IllegalArgumentException("a message has one trait, the Kafka record's: " + message.path("traits"));
        }
        return traits.get(0);
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
            if (node.has("type") && !node.path("type").isObject() || node.has("$ref") || node.has("oneOf")) {
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

    /**
     * A schema of this fragment, with its components beside it so local $refs resolve; a schema that is a
     * bare $ref is wrapped, so that nothing beside the $ref is lost.
     */
    private JsonSchema compile(JsonNode schemaNode) {
        return compile(schemaNode, document.path("components"));
    }

    private static JsonSchema compile(JsonNode schemaNode, JsonNode components) {
        ObjectNode schema = new ObjectMapper().createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", components);
        schema.putArray("allOf").add(schemaNode);
        return FACTORY.getSchema(schema);
    }

    /** The strict check of a data schema: it and the fragment's components closed ({@link #close}). */
    private JsonSchema compileClosed(JsonNode dataSchema) {
        ObjectNode components = document.path("components").deepCopy();
        ObjectNode schemas = (ObjectNode) components.path("schemas");
        Set<String> parts = allOfParts(document);
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        names.forEach(name -> schemas.set(name, close(schemas.get(name), parts.contains(name), parts)));
        return compile(close(dataSchema, false, parts), components);
    }

    /** The components some allOf names as one of its parts (e.g. TaskEvent, beside a report or a reason). */
    private static Set<String> allOfParts(JsonNode node) {
        Set<String> parts = new TreeSet<>();
        if (node.isObject()) {
            node.path("allOf").forEach(part -> {
                String ref = part.path("$ref").asText("");
                if (ref.startsWith("#/components/schemas/")) {
                    parts.add(ref.substring("#/components/schemas/".length()));
                }
            });
            node.forEach(child -> parts.addAll(allOfParts(child)));
        } else if (node.isArray()) {
            node.forEach(child -> parts.addAll(allOfParts(child)));
        }
        return parts;
    }

    /**
     * A copy of {@code schema} that allows no member it does not name. An object schema gets
     * {@code additionalProperties: false}, unless it is a part of an allOf ({@code open}: each part
     * names only some of the members), whose holder gets {@code unevaluatedProperties: false} instead,
     * which sees the members its parts name; so does a $ref to a component that is such a part
     * ({@code parts}), where it is used alone. A schema that says how it treats other members already is
     * left as it says.
     */
    private static JsonNode close(JsonNode schema, boolean open, Set<String> parts) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        boolean says = copy.has("additionalProperties") || copy.has("unevaluatedProperties");
        String ref = copy.path("$ref").asText("");
        if (!open && !says) {
            if (copy.has("allOf") || parts.contains(ref.substring(ref.lastIndexOf('/') + 1))) {
                copy.put("unevaluatedProperties", false);
            } else if (copy.has("properties")) {
                copy.put("additionalProperties", false);
            }
        }
        if (copy.path("properties").isObject()) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> properties.set(name, close(properties.get(name), false, parts)));
        }
        if (copy.has("items")) {
            copy.set("items", close(copy.get("items"), false, parts));
        }
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            if (copy.path(keyword).isArray()) {
                var closed = new ObjectMapper().createArrayNode();
                copy.get(keyword).forEach(part -> closed.add(close(part, keyword.equals("allOf"), parts)));
                copy.set(keyword, closed);
            }
        }
        return copy;
    }

    private static List<String> messages(JsonSchema schema, JsonNode node) {
        List<ValidationMessage> found = new ArrayList<>(schema.validate(node));
        List<String> locations = found.stream().map(error -> error.getInstanceLocation().toString()).toList();
        // A member that fails gives its object no annotation, so unevaluatedProperties reports it as
        // "not evaluated" too: said once, by the member's own failure.
        found.removeIf(error -> {
            Matcher member = NOT_EVALUATED.matcher(error.getMessage());
            if (!"unevaluatedProperties".equals(error.getType()) || !member.find()) {
                return false;
            }
            String path = error.getInstanceLocation() + "." + member.group(1);
            return locations.stream().anyMatch(l -> l.equals(path) || l.startsWith(path + ".") || l.startsWith(path + "["));
        });
        List<String> errors = new ArrayList<>();
        found.stream().sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(error -> errors.add(error.getMessage()));
        return errors;
    }

    private static final Pattern NOT_EVALUATED = Pattern.compile("property '([^']+)' is not evaluated");

    /**
     * {@code schema} with every reference to another file of docs/events ({@code ./envelope.yaml#/…})
     * replaced by what it names, that file's own references followed as well; references into this
     * fragment stay, for its components beside the compiled schema.
     */
    private JsonNode inline(EventCatalogue from, JsonNode schema) {
        if (schema.isObject()) {
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith("./")) {
                EventCatalogue other = of(ref.substring(2, ref.indexOf('#')));
                return inline(other, other.document.at(ref.substring(ref.indexOf('#') + 1)));
            }
            if (ref.startsWith("#/") && from != this) {
                return inline(from, from.document.at(ref.substring(1)));
            }
            ObjectNode copy = new ObjectMapper().createObjectNode();
            schema.properties().forEach(member -> copy.set(member.getKey(), inline(from, member.getValue())));
            return copy;
        }
        if (schema.isArray()) {
            var copy = new ObjectMapper().createArrayNode();
            schema.forEach(item -> copy.add(inline(from, item)));
            return copy;
        }
        return schema;
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
