package io.rectification.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads an envelope from a Kafka message's bytes. Anything that is not an envelope this system can
 * record (not JSON, not UTF-8, no id or type, an id or type with control characters that no table
 * could store) is an {@link UnreadableMessage}, which goes to the dead letters.
 */
@ApplicationScoped
public class EventReader {

    /** Longer ids or types are not ours: ours are UUIDs and short PascalCase names. */
    static final int MAX_NAME = 200;

    private final ObjectMapper objectMapper;

    public EventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public EventEnvelope read(byte[] message) {
        if (message == null || message.length == 0) {
            throw new UnreadableMessage("an empty message");
        }
        EventEnvelope event;
        try {
            event = objectMapper.readValue(message, EventEnvelope.class);
        } catch (Exception e) {
            throw new UnreadableMessage(e.getMessage());
        }
        if (event == null || !storableName(event.id()) || !storableName(event.type())) {
            throw new UnreadableMessage("the envelope has no usable id or type");
        }
        return event;
    }

    private static boolean storableName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME
                && name.chars().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c));
    }

    /** A message that is not a readable envelope; its message says why. */
    public static final class UnreadableMessage extends RuntimeException {
        UnreadableMessage(String reason) {
            super("unreadable message: " + reason);
        }
    }
}
