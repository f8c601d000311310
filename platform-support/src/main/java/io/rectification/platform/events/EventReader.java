package io.rectification.platform.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.time.IsoDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an envelope from a Kafka message's bytes. Anything that is not an envelope this system can
 * record (not JSON, not UTF-8, no id or type, an id or type with control characters that no table
 * could store) is an {@link UnreadableMessage}, which goes to the dead letters.
 *
 * <p>One streaming pass: the attributes are read as they come, and {@code data} is walked (which
 * checks it is JSON) but kept as the bytes it was ({@link DataText}), not built into a tree that
 * the consumer would only turn into its record. A rebuild reads a million events; the tree and
 * the databind pass over the envelope were most of its decoding time. Values of an unusual shape
 * (a number where a string is expected, a time that is not plain ISO) are read by the mapper, so
 * they read as they did when the whole envelope went through it.
 */
@ApplicationScoped
public class EventReader {

    /** Longer ids or types are not ours: ours are UUIDs and short PascalCase names. */
    static final int MAX_NAME = 200;

    private final ObjectMapper objectMapper;
    /** The zone the mapper moves dates into, or null when it keeps their offset. */
    private final ZoneId timeZone;

    public EventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.timeZone = objectMapper.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                ? objectMapper.getDeserializationConfig().getTimeZone().toZoneId() : null;
    }

    public EventEnvelope read(byte[] message) {
        if (message == null || message.length == 0) {
            throw new UnreadableMessage("an empty message");
        }
        EventEnvelope event;
        try {
            event = parse(message);
        } catch (UnreadableMessage e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableMessage(e.getMessage());
        }
        if (!storableName(event.id()) || !storableName(event.type())) {
            throw new UnreadableMessage("the envelope has no usable id or type");
        }
        return event;
    }

    private EventEnvelope parse(byte[] message) throws IOException {
        try (JsonParser parser = objectMapper.getFactory().createParser(message)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.VALUE_NULL) {
                throw new UnreadableMessage("the envelope is null");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UnreadableMessage("the envelope is not a JSON object");
            }
            String specversion = null;
            String id = null;
            String source = null;
            String type = null;
            String subject = null;
            OffsetDateTime time = null;
            String datacontenttype = null;
            String aggregatetype = null;
            Long aggregateversion = null;
            String traceparent = null;
            DataText data = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "specversion" -> specversion = string(parser);
                    case "id" -> id = string(parser);
                    case "source" -> source = string(parser);
                    case "type" -> type = string(parser);
                    case "subject" -> subject = string(parser);
                    case "time" -> time = time(parser);
                    case "datacontenttype" -> datacontenttype = string(parser);
                    case "aggregatetype" -> aggregatetype = string(parser);
                    case "aggregateversion" -> aggregateversion = number(parser);
                    case "traceparent" -> traceparent = string(parser);
                    case "data" -> data = data(parser, message);
                    default -> parser.skipChildren(); // tolerant: attributes unknown here are ignored
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new UnreadableMessage("the envelope ends early");
            }
            return new EventEnvelope(specversion, id, source, type, subject, time, datacontenttype, aggregatetype,
                    aggregateversion, null, traceparent, data);
        }
    }

    private String string(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return token == JsonToken.VALUE_NULL ? null : objectMapper.readValue(parser, String.class);
    }

    private Long number(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return token == JsonToken.VALUE_NULL ? null : objectMapper.readValue(parser, Long.class);
    }

    private OffsetDateTime time(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                OffsetDateTime time = IsoDates.offsetDateTime(parser.getText());
                return timeZone == null ? time : time.atZoneSameInstant(timeZone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // Not plain ISO: the mapper decides (it reads some other shapes, and words its refusal).
            }
        }
        return objectMapper.readValue(parser, OffsetDateTime.class);
    }

    /** Walks the data value (so malformed JSON fails here) and keeps where it and its members lie. */
    private DataText data(JsonParser parser, byte[] message) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        int start = start(parser);
        Map<String, DataText.Span> members = Map.of();
        if (token == JsonToken.START_OBJECT) {
            members = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                int memberStart = start(parser);
                members.put(name, new DataText.Span(memberStart, end(parser)));
            }
        } else {
            end(parser);
        }
        return new DataText(message, start, (int) parser.currentLocation().getByteOffset(), members, objectMapper);
    }

    private static int start(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** Moves past the current value (a string is read to its closing quote) and gives the offset after it. */
    private static int end(JsonParser parser) throws IOException {
        parser.skipChildren();
        parser.finishToken();
        return (int) parser.currentLocation().getByteOffset();
    }

    /**
     * A loop, not {@code chars().noneMatch}: it runs twice for every message, and in a rebuild's
     * million the stream was 3 % of the reading thread (C1 does not inline it away).
     */
    private static boolean storableName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A message that is not a readable envelope; its message says why. */
    public static final class UnreadableMessage extends RuntimeException {
        UnreadableMessage(String reason) {
            super("unreadable message: " + reason);
        }
    }
}
