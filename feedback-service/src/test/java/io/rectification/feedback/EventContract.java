package io.rectification.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rectification.platform.events.EventEnvelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The catalogue fragment docs/events/feedback-events.yaml, used to check what the service really publishes. */
public final class EventContract {

    private static final Path FRAGMENT = Path.of("..", "docs", "events", "feedback-events.yaml");
    private static final JsonNode DOCUMENT = read();

    private EventContract() {
    }

    /** Fails (AssertionError) when the event's type is not in the catalogue or its data does not match. */
    public static void assertMatches(EventEnvelope event) {
        JsonNode message = DOCUMENT.path("messages").path(event.type());
        if (message.isMissingNode()) {
            throw new AssertionError("event type " + event.type() + " is not in " + FRAGMENT);
        }
        ObjectNode schemaNode = new ObjectMapper().createObjectNode();
        schemaNode.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schemaNode.set("components", DOCUMENT.path("components"));
        schemaNode.setAll((ObjectNode) message.path("payload"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
        Set<ValidationMessage> errors = schema.validate(event.data());
        if (!errors.isEmpty()) {
            throw new AssertionError(event.type() + " does not match the catalogue: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                    + "\ndata: " + event.data());
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(FRAGMENT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FRAGMENT.toAbsolutePath(), e);
        }
    }
}
