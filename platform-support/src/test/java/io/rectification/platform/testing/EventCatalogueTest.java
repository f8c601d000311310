package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectification.platform.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's two checks themselves, on records made here: a record as published is its AsyncAPI
 * message (the envelope as value, the key and the headers), which the data alone is not; the published
 * schemas are open and the producers' check of the data is closed.
 */
@Tag("fast")
class EventCatalogueTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final EventCatalogue TASKS = EventCatalogue.of("tasks-events.yaml");
    static final EventCatalogue FEEDBACK = EventCatalogue.of("feedback-events.yaml");
    static final String AREA = "7d1f9a52-0000-4000-8000-00000000000a";

    static ObjectNode areaRegistered() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"specversion":"1.0","id":"0b8f1c44-5a8e-4f7e-9d8a-3b2c1d0e9f01","source":"/tasks-service",
                 "type":"AreaRegistered","subject":"%s","time":"2026-12-01T11:00:00+08:00",
                 "datacontenttype":"application/json","aggregatetype":"Area","aggregateversion":0,
                 "traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                 "data":{"area":{"id":"%s","version":0,"inspectionId":"7d1f9a52-0000-4000-8000-000000000001",
                                 "number":1,"title":"推进管理机制改革不彻底","percentComplete":0}}}""".formatted(AREA, AREA));
    }

    /** The record the relay would publish for {@code value}: key the subject, the binding's headers. */
    static ConsumerRecord<String, String> record(JsonNode value, String key) {
        Headers headers = CloudEventHeaders.of(value.path("specversion").asText(), value.path("id").asText(),
                value.path("source").asText(), value.path("type").asText(), value.path("subject").asText(),
                value.path("time").asText());
        return new ConsumerRecord<>("rectification.tasks.v1", 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, key,
                value.toString(), headers, Optional.empty());
    }

    @Test
    void aRecordAsTheRelayPublishesItIsItsMessage() throws Exception {
        ObjectNode value = areaRegistered();
        assertEquals(List.of(), TASKS.recordViolations(record(value, AREA)));
        TASKS.assertPublished(record(value, AREA));
    }

    @Test
    void theDataAloneIsNotTheMessage() throws Exception {
        // what an AsyncAPI document whose payload was only the data promised (review M1)
        JsonNode data = areaRegistered().path("data");
        ObjectNode onlyData = ((ObjectNode) data.deepCopy()).put("type", "AreaRegistered");
        List<String> violations = TASKS.valueViolations(onlyData);
        for (String attribute : List.of("specversion", "id", "source", "subject", "aggregateversion", "data")) {
            assertTrue(violations.stream().anyMatch(v -> v.contains(attribute)), attribute + " in " + violations);
        }
    }

    @Test
    void aWrongKeyHeaderTypeOrAggregateTypeIsFound() throws Exception {
        ObjectNode value = areaRegistered();
        assertTrue(TASKS.recordViolations(record(value, "7d1f9a52-0000-4000-8000-000000000099")).stream()
                .anyMatch(v -> v.startsWith("key:") && v.contains("is not the subject")));
        ConsumerRecord<String, String> changedHeader = record(value, AREA);
        changedHeader.headers().remove("ce_type");
        changedHeader.headers().add("ce_type", "AreaUpdated".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(TASKS.recordViolations(changedHeader).stream().anyMatch(v -> v.contains("ce_type")));
        ObjectNode task = areaRegistered().put("aggregatetype", "Task");
        assertTrue(TASKS.recordViolations(record(task, AREA)).stream().anyMatch(v -> v.contains("aggregatetype")),
                TASKS.recordViolations(record(task, AREA)).toString());
        ObjectNode unknown = areaRegistered().put("type", "AreaDeleted");
        assertTrue(TASKS.recordViolations(record(unknown, AREA)).stream().anyMatch(v -> v.contains("AreaDeleted")));
        ObjectNode noTrace = areaRegistered().put("traceparent", "not a trace");
        assertTrue(TASKS.recordViolations(record(noTrace, AREA)).stream().anyMatch(v -> v.contains("traceparent")));
    }

    @Test
    void thePublishedSchemasAreOpenAndTheProducersCheckIsClosed() throws Exception {
        ObjectNode value = areaRegistered();
        ((ObjectNode) value.path("data").path("area")).put("leader", "王某某");
        value.put("partitionkey", AREA); // another CloudEvents extension attribute: open too
        assertEquals(List.of(), TASKS.valueViolations(value), "a member added later passes the published schema");
        assertTrue(TASKS.violations("AreaRegistered", value.path("data")).stream().anyMatch(v -> v.contains("leader")),
                "the producer's check names the member the catalogue lacks");

        // a payload of two parts (allOf): each names only some members, the whole is closed
        ObjectNode reported = (ObjectNode) JSON.readTree("""
                {"task":{"id":"%1$s","inspectionId":"%1$s","areaId":"%1$s","problemId":"%1$s","number":1,"title":"t",
                         "measures":"m","progressNarrative":null,"leadOfficial":"l","responsiblePerson":"r",
                         "responsibleUnit":"u","deadline":"2026-12-31","kind":"TIME_BOUND","state":"IN_PROGRESS",
                         "percentComplete":10,"reportingCadence":"MONTHLY","lastProgressReportAt":null,
                         "indicators":[],"milestones":[],"verifiedAt":null,"reopenCount":0},
                 "report":{"id":"%1$s","cadence":"MONTHLY","periodStart":"2026-11-01","periodEnd":"2026-11-30",
                           "percentComplete":10,"text":"进行中","reporter":"li.ke","reportedAt":"2026-12-01T11:00:00+08:00"}}"""
                .formatted(AREA));
        assertEquals(List.of(), TASKS.violations("TaskProgressReported", reported));
        // a member that fails is named once, by its own failure, not also as "not evaluated" on its object
        ObjectNode wrongPercent = reported.deepCopy();
        ((ObjectNode) wrongPercent.path("report")).put("percentComplete", "ten");
        List<String> once = TASKS.violations("TaskProgressReported", wrongPercent);
        assertEquals(1, once.size(), once.toString());
        assertTrue(once.get(0).startsWith("$.report.percentComplete"), once.toString());
        reported.put("note", "x");
        ((ObjectNode) reported.path("task")).put("owner", "x");
        ((ObjectNode) reported.path("report")).put("phone", "13812345678");
        List<String> strict = TASKS.violations("TaskProgressReported", reported);
        for (String member : List.of("note", "owner", "phone")) {
            assertTrue(strict.stream().anyMatch(v -> v.contains(member)), member + " in " + strict);
        }
    }

    @Test
    void everyMessageIsTheEnvelopeNarrowedToItsTypeWithTheKafkaRecordsTraits() {
        List<String> wrong = new ArrayList<>();
        List<String> aggregateTypes = new ArrayList<>();
        EventCatalogue.of("envelope.yaml").at("/components/schemas/CloudEvent/properties/aggregatetype/description")
                .asText().lines().forEach(aggregateTypes::add);
        for (EventCatalogue fragment : List.of(TASKS, FEEDBACK)) {
            for (String type : fragment.eventTypes()) {
                JsonNode message = fragment.at("/messages/" + type);
                JsonNode parts = message.path("payload").path("allOf");
                if (!parts.path(0).path("$ref").asText().equals("./envelope.yaml#/components/schemas/CloudEvent")) {
                    wrong.add(type + ": the payload's first part is not the envelope");
                }
                if (!parts.path(1).path("properties").path("type").path("const").asText().equals(type)) {
                    wrong.add(type + ": type is not narrowed to " + type);
                }
                String aggregate = parts.path(1).path("properties").path("aggregatetype").path("const").asText();
                if (aggregate.isEmpty() || !String.join(" ", aggregateTypes).contains(aggregate)) {
                    wrong.add(type + ": aggregatetype " + aggregate + " is not one envelope.yaml lists");
                }
                if (!message.path("traits").path(0).path("$ref").asText()
                        .equals("./envelope.yaml#/components/messageTraits/KafkaRecord")) {
                    wrong.add(type + ": its trait is not the Kafka record's");
                }
                fragment.data(type); // throws when there is no data schema beside the envelope
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), EventCatalogue.of("envelope.yaml").unknownKeywords());
    }
}
