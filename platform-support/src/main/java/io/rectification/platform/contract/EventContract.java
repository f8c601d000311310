package io.rectification.platform.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.events.DataText;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event types of every topic, found from the records of {@link TasksEvent} and
 * {@link FeedbackEvent} (a record's simple name is its type, so adding a record adds the type),
 * and the one way to read an event's data as its record.
 *
 * <p>Reading is tolerant, as the catalogue promises: members the record does not know are
 * ignored, members missing are null, a type this build does not know is {@link Optional#empty()}
 * (a consumer ignores it). Dates keep the offset they were written with.
 */
public final class EventContract {

    /** Names published once and read still: topics keep them, and read models are rebuilt by replaying topics. */
    private static final Map<String, String> RETIRED = Map.of("TaskVerified", "TaskCompleted");

    /** Each family of records and the topic its events go to; a new topic adds its family here. */
    private static final Map<Class<? extends EventData>, String> TOPICS = topics();

    private static final Map<String, Class<? extends EventData>> TYPES = types();

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new IsoDatesModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventContract() {
    }

    /** The event type a record is published as. */
    public static String typeOf(EventData data) {
        return data.getClass().getSimpleName();
    }

    /** The topic a record is published on: its family's. */
    public static String topicOf(EventData data) {
        return TOPICS.entrySet().stream().filter(family -> family.getKey().isInstance(data))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(data.getClass() + " belongs to no topic"));
    }

    /** The record of an event type (a retired name gives its successor's); empty for a type unknown here. */
    public static Optional<Class<? extends EventData>> recordOf(String eventType) {
        return Optional.ofNullable(TYPES.get(RETIRED.getOrDefault(eventType, eventType)));
    }

    /** Every event type published today, with its record, in the families' order. */
    public static Map<String, Class<? extends EventData>> types(String topic) {
        Map<String, Class<? extends EventData>> ofTopic = new LinkedHashMap<>();
        TYPES.forEach((type, record) -> {
            if (topicOfClass(record).equals(topic)) {
                ofTopic.put(type, record);
            }
        });
        return Collections.unmodifiableMap(ofTopic);
    }

    /** Retired type names and the names they are read as. */
    public static Map<String, String> retired() {
        return RETIRED;
    }

    /**
     * The event's data as its record; empty when this build does not know the type. A known type
     * whose data cannot be read (not an object, a malformed id or date) is an IllegalArgumentException,
     * which sends the event to the consumer's dead letters.
     */
    public static Optional<EventData> decode(EventEnvelope event) {
        Optional<Class<? extends EventData>> record = recordOf(event.type());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        DataText text = event.dataText();
        if (text != null) {
            // As carried: read straight from the message's bytes into the record, no tree between.
            if (!text.isObject()) {
                throw new IllegalArgumentException(event.type() + " has no data object");
            }
            try {
                return Optional.of(text.readAs(JSON, record.get()));
            } catch (Exception e) {
                throw new IllegalArgumentException(event.type() + " cannot be read: " + e.getMessage(), e);
            }
        }
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException(event.type() + " has no data object");
        }
        try {
            return Optional.of(JSON.treeToValue(data, record.get()));
        } catch (Exception e) {
            throw new IllegalArgumentException(event.type() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A part of an event (a snapshot) as JSON, for a read model that keeps it whole. */
    public static String toJson(Object part) {
        try {
            return JSON.writeValueAsString(part);
        } catch (Exception e) {
            throw new IllegalArgumentException(part.getClass() + " cannot be written as JSON", e);
        }
    }

    /**
     * A part of an event kept whole by a read model ({@link #toJson}), read back as its record, as
     * tolerantly as an event: members the record does not know (written by a later build) are ignored.
     * A column holding none (SQL NULL) reads as null.
     */
    public static <T> T fromJson(String json, Class<T> part) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, part);
        } catch (Exception e) {
            throw new IllegalArgumentException("stored JSON cannot be read as " + part.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String topicOfClass(Class<?> record) {
        return TOPICS.entrySet().stream().filter(family -> family.getKey().isAssignableFrom(record))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private static Map<Class<? extends EventData>, String> topics() {
        Map<Class<? extends EventData>, String> topics = new LinkedHashMap<>();
        topics.put(TasksEvent.class, EventTopics.TASKS);
        topics.put(FeedbackEvent.class, EventTopics.FEEDBACK);
        return Collections.unmodifiableMap(topics);
    }

    private static Map<String, Class<? extends EventData>> types() {
        Map<String, Class<? extends EventData>> types = new LinkedHashMap<>();
        for (Class<? extends EventData> family : TOPICS.keySet()) {
            for (Class<?> record : records(family)) {
                types.put(record.getSimpleName(), record.asSubclass(EventData.class));
            }
        }
        return Collections.unmodifiableMap(types);
    }

    /** The records below a sealed interface, through the sealed interfaces between. */
    private static List<Class<?>> records(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                records.add(permitted);
            } else {
                records.addAll(records(permitted));
            }
        }
        return records;
    }
}
