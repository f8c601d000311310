package io.rectification.tasks.events;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's promise on {@code aggregateversion} (docs/events/README.md, "Versions and order"):
 * on one subject the version rises by one with each event, whatever its type, so a consumer keeping
 * the latest version per subject keeps every change; and an edit that changes nothing is no event.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class AggregateVersionOrderTest {

    static final String TWO_FIRST_VALUES = """
            "indicators":[{"name":"空编率","unit":"%","baseline":30,"targetKind":"RELATIVE_PERCENT","targetValue":10,
                           "direction":"DECREASE","actual":25,"actualSource":"人事台账"},
                          {"name":"招聘人数","unit":"人","baseline":0,"targetKind":"ABSOLUTE","targetValue":40,
                           "direction":"INCREASE","actual":12,"actualSource":"招聘公告"}]""";

    @Test
    void onEverySubjectTheVersionRisesByOneWithEachEventWhateverItsType() {
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String inspectionBody = Fixtures.inspectionJson();
            String inspection = given().contentType(ContentType.JSON).body(inspectionBody).post("/inspections")
                    .then().statusCode(201).extract().path("id");
            String problem = Fixtures.problem(Fixtures.area(inspection, "推进管理机制改革不彻底"), "推进机构人事改革");
            // a task created with two first measured values: TaskCreated, then an IndicatorRecorded for each
            String task = Fixtures.task(problem, Fixtures.taskJson("积极招聘事业编制人员", "2025-12-31", "TIME_BOUND",
                    TWO_FIRST_VALUES));
            given().get("/tasks/" + task).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
            // the leading group is an aggregate of its own, under its own subject
            String group = given().contentType(ContentType.JSON).body(Map.of(
                            "firstResponsible", Map.of("position", "党工委书记"),
                            "members", List.of(Map.of("role", "LEADER", "position", "党工委书记"))))
                    .put("/inspections/" + inspection + "/leading-group").then().statusCode(200)
                    .extract().path("id");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(inspectionBody.replace("2024-08-18", "2024-08-19")).put("/inspections/" + inspection)
                    .then().statusCode(200).header("ETag", "\"1\"");
            given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("title", "积极招聘事业编制人员(修订)"))
                    .patch("/tasks/" + task).then().statusCode(200).header("ETag", "\"3\"");

            probe.await(e -> inspection.equals(e.subject()) && e.type().equals("InspectionUpdated"), Duration.ofSeconds(30));
            probe.await(e -> group.equals(e.subject()) && e.type().equals("LeadingGroupSet"), Duration.ofSeconds(30));
            probe.await(e -> task.equals(e.subject()) && e.type().equals("TaskUpdated"), Duration.ofSeconds(30));
            Map<String, List<EventEnvelope>> bySubject = bySubject(probe, Set.of(inspection, group, task));

            assertNotEquals(inspection, group);
            assertEquals(List.of("InspectionRegistered@0", "InspectionUpdated@1"), sequence(bySubject.get(inspection)));
            assertEquals(List.of("LeadingGroupSet@0"), sequence(bySubject.get(group)));
            EventEnvelope set = bySubject.get(group).get(0);
            assertEquals(group, set.data().path("leadingGroup").path("id").asText());
            assertEquals(inspection, set.data().path("leadingGroup").path("inspectionId").asText());
            assertEquals(List.of("TaskCreated@0", "IndicatorRecorded@1", "IndicatorRecorded@2", "TaskUpdated@3"),
                    sequence(bySubject.get(task)));
            for (EventEnvelope event : bySubject.get(task)) {
                assertEquals(event.aggregateversion(), event.data().path("task").path("version").asLong(),
                        "the snapshot carries the event's version: " + event.type());
            }
        }
    }

    @Test
    void anEditThatChangesNothingPublishesNoEventAndKeepsTheVersion() {
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String inspectionBody = Fixtures.inspectionJson();
            String inspection = given().contentType(ContentType.JSON).body(inspectionBody).post("/inspections")
                    .then().statusCode(201).extract().path("id");
            String area = Fixtures.area(inspection, "推进管理机制改革不彻底");
            String problem = Fixtures.problem(area, "推进机构人事改革");
            String taskBody = Fixtures.taskJson("积极招聘事业编制人员", "2025-12-31", "TIME_BOUND", "");
            String task = Fixtures.task(problem, taskBody);

            for (int twice = 0; twice < 2; twice++) {
                given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(inspectionBody)
                        .put("/inspections/" + inspection).then().statusCode(200).header("ETag", "\"0\"");
                given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "推进管理机制改革不彻底"))
                        .put("/areas/" + area).then().statusCode(200).header("ETag", "\"0\"");
                given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                        .body(Map.of("title", "推进机构人事改革", "description", "反馈意见原文"))
                        .put("/problems/" + problem).then().statusCode(200).header("ETag", "\"0\"");
                given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(taskBody)
                        .put("/tasks/" + task).then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
                given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "积极招聘事业编制人员"))
                        .patch("/tasks/" + task).then().statusCode(200).header("ETag", "\"0\"");
                given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}")
                        .patch("/tasks/" + task).then().statusCode(200).header("ETag", "\"0\"");
            }
            // then one real change of each: the first event after its creation, at version 1
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(inspectionBody.replace("2024-08-18", "2024-08-19")).put("/inspections/" + inspection)
                    .then().statusCode(200).header("ETag", "\"1\"");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "推进管理机制改革不彻底(修订)"))
                    .put("/areas/" + area).then().statusCode(200).header("ETag", "\"1\"");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("title", "推进机构人事改革", "description", "反馈意见原文(修订)"))
                    .put("/problems/" + problem).then().statusCode(200).header("ETag", "\"1\"");
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("responsiblePerson", "王科长"))
                    .patch("/tasks/" + task).then().statusCode(200).header("ETag", "\"1\"");

            probe.await(e -> inspection.equals(e.subject()) && e.type().equals("InspectionUpdated"), Duration.ofSeconds(30));
            probe.await(e -> area.equals(e.subject()) && e.type().equals("AreaUpdated"), Duration.ofSeconds(30));
            probe.await(e -> problem.equals(e.subject()) && e.type().equals("ProblemUpdated"), Duration.ofSeconds(30));
            probe.await(e -> task.equals(e.subject()) && e.type().equals("TaskUpdated"), Duration.ofSeconds(30));
            // one subject's events are in order on its partition: an event of a no-op would come before these
            Map<String, List<EventEnvelope>> bySubject = bySubject(probe, Set.of(inspection, area, problem, task));
            assertEquals(List.of("InspectionRegistered@0", "InspectionUpdated@1"), sequence(bySubject.get(inspection)));
            assertEquals(List.of("AreaRegistered@0", "AreaUpdated@1"), sequence(bySubject.get(area)));
            assertEquals(List.of("ProblemRegistered@0", "ProblemUpdated@1"), sequence(bySubject.get(problem)));
            assertEquals(List.of("TaskCreated@0", "TaskUpdated@1"), sequence(bySubject.get(task)));
        }
    }

    /** The events of these subjects read so far, per subject in the order of its partition. */
    private static Map<String, List<EventEnvelope>> bySubject(EventProbe probe, Set<String> subjects) {
        Map<String, List<EventEnvelope>> bySubject = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : probe.drain(Duration.ofMillis(200))) {
            EventEnvelope event = EventProbe.parse(record.value());
            if (event != null && subjects.contains(event.subject())) {
                bySubject.computeIfAbsent(event.subject(), s -> new ArrayList<>()).add(event);
            }
        }
        return bySubject;
    }

    private static List<String> sequence(List<EventEnvelope> events) {
        assertTrue(events != null && !events.isEmpty(), "no events");
        return events.stream().map(e -> e.type() + "@" + e.aggregateversion()).toList();
    }
}
