package io.rectification.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventCatalogue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonValue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records of {@link EventContract} say what docs/events says, member by member: every type of
 * the catalogue has its record, every record is in the catalogue, and each record's members are the
 * schema's properties with matching JSON types (nested parts and lists included). The catalogue
 * stays the source of truth; this test is what makes a record that drifts from it fail.
 */
@Tag("fast")
class EventContractMatchesCatalogueTest {

    @Test
    void everyTasksEventTypeHasItsRecordAndNoMore() {
        assertSameTypes(EventCatalogue.of("tasks-events.yaml"), EventTopics.TASKS);
    }

    @Test
    void everyFeedbackEventTypeHasItsRecordAndNoMore() {
        assertSameTypes(EventCatalogue.of("feedback-events.yaml"), EventTopics.FEEDBACK);
    }

    @Test
    void tasksRecordsMatchTheirSchemas() {
        assertRecordsMatch(EventCatalogue.of("tasks-events.yaml"));
    }

    @Test
    void feedbackRecordsMatchTheirSchemas() {
        assertRecordsMatch(EventCatalogue.of("feedback-events.yaml"));
    }

    @Test
    void theCatalogueSaysOnlyWhatJsonSchemaReads() {
        assertEquals(List.of(), EventCatalogue.of("tasks-events.yaml").unknownKeywords());
        assertEquals(List.of(), EventCatalogue.of("feedback-events.yaml").unknownKeywords());
    }

    @Test
    void theAsyncApiDocumentNamesTheTopicsTheServicesUse() {
        EventCatalogue document = EventCatalogue.of("asyncapi.yaml");
        assertEquals(EventTopics.TASKS, document.at("/channels/tasks/address").asText());
        assertEquals(EventTopics.FEEDBACK, document.at("/channels/feedback/address").asText());
        assertEquals(EventTopics.TASKS, document.at("/channels/tasks/bindings/kafka/topic").asText());
        assertEquals(EventTopics.FEEDBACK, document.at("/channels/feedback/bindings/kafka/topic").asText());
        assertEquals(List.of(), document.unknownKeywords());
    }

    @Test
    void aDescriptionCutByAFlowStyleCommaIsFound() throws Exception {
        JsonNode fragment = new ObjectMapper(new YAMLFactory()).readTree(
                "properties: {due: {type: string, description: due 3, 6 or 12 months on}, ok: {type: string, description: 'a, b'}}");
        assertEquals(List.of("$.properties.due: [6 or 12 months on]"), EventCatalogue.unknownKeywords(fragment));
    }

    @Test
    void theRetiredTaskVerifiedIsReadAsTaskCompleted() {
        assertEquals(TasksEvent.TaskCompleted.class, EventContract.recordOf("TaskVerified").orElseThrow());
        assertTrue(EventContract.recordOf("SomethingNewer").isEmpty());
    }

    @Test
    void aRecordMissingFromTheCatalogueOrAMemberOfTheWrongTypeIsFound() {
        // The check itself can fail: a record with a member the schema lacks, and one of the wrong type.
        EventCatalogue catalogue = EventCatalogue.of("tasks-events.yaml");
        List<String> errors = new ArrayList<>();
        compare(catalogue, Drifted.class, catalogue.data("MilestoneAchieved"), "$", errors);
        assertEquals(List.of("$.milestoneId: a java.lang.Integer is not {\"type\":\"string\",\"format\":\"uuid\"}",
                "$: members the catalogue lacks: [note]", "$: required members missing: [task]"), errors);
    }

    record Drifted(Integer milestoneId, String note) {
    }

    private static void assertSameTypes(EventCatalogue catalogue, String topic) {
        Set<String> published = new TreeSet<>();
        Set<String> deprecated = new TreeSet<>();
        catalogue.eventTypes().forEach(type -> (catalogue.deprecated(type) ? deprecated : published).add(type));
        assertEquals(published, new TreeSet<>(EventContract.types(topic).keySet()),
                "the types of " + topic + " in the catalogue and in the contract");
        Set<String> retired = new TreeSet<>(EventContract.retired().keySet());
        retired.removeIf(name -> !EventContract.types(topic).containsKey(EventContract.retired().get(name)));
        assertEquals(deprecated, retired, "deprecated types are the retired names of " + topic);
    }

    private static void assertRecordsMatch(EventCatalogue catalogue) {
        List<String> errors = new ArrayList<>();
        for (String type : catalogue.eventTypes()) {
            compare(catalogue, EventContract.recordOf(type).orElseThrow(), catalogue.data(type), type, errors);
        }
        assertEquals(List.of(), errors);
    }

    /** Adds to {@code errors} every way the Java type departs from the schema at {@code path}. */
    private static void compare(EventCatalogue catalogue, Type javaType, JsonNode schema, String path, List<String> errors) {
        JsonNode resolved = catalogue.resolve(schema);
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw.isRecord()) {
            RecordComponent delegate = delegate(raw);
            if (delegate != null) {
                compare(catalogue, delegate.getGenericType(), resolved, path, errors);
            } else {
                compareObject(catalogue, raw, resolved, path, errors);
            }
            return;
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!types(resolved).contains("array")) {
                errors.add(path + ": a list is not " + resolved);
            } else {
                compare(catalogue, ((ParameterizedType) javaType).getActualTypeArguments()[0], resolved.path("items"),
                        path + "[]", errors);
            }
            return;
        }
        if (!scalarMatches(raw, resolved)) {
            errors.add(path + ": a " + raw.getName() + " is not " + resolved);
        }
    }

    private static void compareObject(EventCatalogue catalogue, Class<?> record, JsonNode schema, String path,
                                      List<String> errors) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new TreeSet<>();
        flatten(catalogue, schema, properties, required);
        if (properties.isEmpty()) {
            errors.add(path + ": a record " + record.getSimpleName() + " is not an object schema: " + schema);
            return;
        }
        Set<String> members = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            members.add(component.getName());
            JsonNode property = properties.get(component.getName());
            if (property != null) {
                compare(catalogue, component.getGenericType(), property, path + "." + component.getName(), errors);
            }
        }
        Set<String> extra = new TreeSet<>(members);
        extra.removeAll(properties.keySet());
        if (!extra.isEmpty()) {
            errors.add(path + ": members the catalogue lacks: " + extra);
        }
        Set<String> missing = new TreeSet<>(properties.keySet());
        missing.removeAll(members);
        Set<String> missingRequired = new TreeSet<>(missing);
        missingRequired.retainAll(required);
        missing.removeAll(required);
        if (!missingRequired.isEmpty()) {
            errors.add(path + ": required members missing: " + missingRequired);
        }
        if (!missing.isEmpty()) {
            errors.add(path + ": optional members missing: " + missing);
        }
    }

    /** The properties and required names of an object schema, through $ref, allOf and a oneOf with null. */
    private static void flatten(EventCatalogue catalogue, JsonNode schema, Map<String, JsonNode> properties,
                                Set<String> required) {
        JsonNode resolved = catalogue.resolve(schema);
        resolved.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        resolved.path("required").forEach(name -> required.add(name.asText()));
        resolved.path("allOf").forEach(part -> flatten(catalogue, part, properties, required));
        resolved.path("oneOf").forEach(part -> flatten(catalogue, part, properties, required));
    }

    private static RecordComponent delegate(Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonValue.class)
                    || component.isAnnotationPresent(JsonValue.class)) {
                return component;
            }
        }
        return null;
    }

    private static boolean scalarMatches(Class<?> raw, JsonNode schema) {
        Set<String> types = types(schema);
        String format = schema.path("format").asText("");
        if (raw == UUID.class) {
            return types.contains("string") && format.equals("uuid");
        }
        if (raw == LocalDate.class) {
            return types.contains("string") && format.equals("date");
        }
        if (raw == OffsetDateTime.class) {
            return types.contains("string") && format.equals("date-time");
        }
        if (raw == String.class) {
            return types.contains("string") || (types.isEmpty() && schema.has("enum"));
        }
        if (raw == Integer.class || raw == Long.class) {
            return types.contains("integer");
        }
        if (raw == BigDecimal.class) {
            return types.contains("number");
        }
        if (raw == Boolean.class) {
            return types.contains("boolean");
        }
        return false;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        }
        for (Iterator<JsonNode> it = type.elements(); it.hasNext(); ) {
            types.add(it.next().asText());
        }
        return types;
    }
}
