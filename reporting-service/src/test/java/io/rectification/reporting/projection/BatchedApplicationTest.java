package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.ConsumedEvents;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.ContractEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll's events applied together (as a rebuild and live consumption do) must leave exactly the
 * read models that applying the same events one by one leaves: duplicates, versions arriving out of
 * order, several events for one task within a batch and across batches.
 */
@QuarkusTest
class BatchedApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-01T09:00:00+08:00");

    @Inject
    TasksEventHandler handler;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchedApplicationLeavesTheReadModelsOfOneByOneApplication() throws Exception {
        ContractEvents plan = new ContractEvents();
        List<EventEnvelope> events = mixedSequence(plan);

        for (EventEnvelope event : events) {
            QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyOnce(handler, event));
        }
        String oneByOne = readModels(plan.inspectionId);
        clear(plan.inspectionId, events);
        assertEquals("", readModels(plan.inspectionId).replaceAll("(?m)^== .*$\\n?", ""));

        int batch = 6; // the sequence's folds straddle batches, so a row already stored decides too
        for (int from = 0; from < events.size(); from += batch) {
            List<EventEnvelope> poll = events.subList(from, Math.min(events.size(), from + batch));
            QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyAllOnce(handler, poll));
        }
        String batched = readModels(plan.inspectionId);

        assertTrue(oneByOne.contains("rm_task_history"), oneByOne);
        assertEquals(oneByOne, batched);
        // and a batch delivered again changes nothing
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0, consumedEvents.applyAllOnce(handler, events)));
        assertEquals(oneByOne, readModels(plan.inspectionId));
    }

    /**
     * A rebuild's first try at a poll (ids and rows by COPY, {@code replayAll}) either leaves what
     * one-by-one application leaves or fails, and then the poll applied with the duplicate checks
     * (as EventReplay falls back) does: a duplicate in the middle of a poll and one in a later poll
     * both fail the first try.
     */
    @Test
    void aReplayByCopyFallingBackOnDuplicatesLeavesTheReadModelsOfOneByOneApplication() throws Exception {
        ContractEvents plan = new ContractEvents();
        List<EventEnvelope> events = mixedSequence(plan);
        for (EventEnvelope event : events) {
            QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyOnce(handler, event));
        }
        String oneByOne = readModels(plan.inspectionId);
        clear(plan.inspectionId, events);

        int batch = 6;
        int fellBack = 0;
        for (int from = 0; from < events.size(); from += batch) {
            List<EventEnvelope> poll = events.subList(from, Math.min(events.size(), from + batch));
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    consumedEvents.recordAllNew(handler.consumerName(), poll.stream().map(EventEnvelope::id).toList());
                    handler.replayAll(poll);
                });
            } catch (RuntimeException copyRefused) {
                fellBack++;
                QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyAllOnce(handler, poll));
            }
        }

        assertEquals(oneByOne, readModels(plan.inspectionId));
        // the duplicate report inside the first poll, and the same report again in the last
        assertEquals(2, fellBack);
    }

    /** Structure, three tasks with a dozen events between them, in an order a redelivering relay could give. */
    private List<EventEnvelope> mixedSequence(ContractEvents plan) {
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope("InspectionRegistered", plan.inspectionId, 1, 0,
                JSON.valueToTree(plan.inspection("批量应用检查"))));
        events.add(envelope("AreaRegistered", area, 1, 0, data("area", JSON.createObjectNode()
                .put("id", area.toString()).put("inspectionId", plan.inspectionId.toString()).put("number", 1)
                .put("title", "方面一"))));
        events.add(envelope("ProblemRegistered", problem, 1, 0, data("problem", JSON.createObjectNode()
                .put("id", problem.toString()).put("inspectionId", plan.inspectionId.toString())
                .put("areaId", area.toString()).put("number", 1).put("title", "问题一").put("source", "PLAN"))));
        // a: created, two reports, a duplicate delivery, the third version late, an indicator value
        events.add(task("TaskCreated", plan.task(a, area, problem, 1, "PLANNED", "2025-06-30"), 1, 10));
        EventEnvelope aReport = report(plan.task(a, area, problem, 1, "IN_PROGRESS", "2025-06-30"), 2, 20, 30);
        events.add(aReport);
        events.add(aReport);
        events.add(report(plan.task(a, area, problem, 1, "IN_PROGRESS", "2025-06-30").put("percentComplete", 80), 4, 40, 80));
        events.add(report(plan.task(a, area, problem, 1, "IN_PROGRESS", "2025-06-30").put("percentComplete", 60), 3, 5, 60));
        ObjectNode aWithIndicator = plan.task(a, area, problem, 1, "IN_PROGRESS", "2025-06-30");
        aWithIndicator.putArray("indicators").addObject().put("id", indicator.toString()).put("name", "整治户数")
                .put("unit", "户");
        ObjectNode recorded = data("task", aWithIndicator);
        recorded.put("indicatorId", indicator.toString()).put("value", 12).put("source", "报表");
        events.add(envelope("IndicatorRecorded", a, 5, 50, recorded));
        // b: its third version first, then the older ones (the earliest time arrives last but does not land)
        events.add(task("TaskUpdated", plan.task(b, area, problem, 2, "IN_PROGRESS", "2025-05-31"), 3, 30));
        events.add(task("TaskCreated", plan.task(b, area, problem, 2, "PLANNED", "2025-05-31"), 1, 1));
        events.add(task("TaskUpdated", plan.task(b, area, problem, 2, "PLANNED", "2025-04-30"), 2, 2));
        events.add(task("TaskUpdated", plan.task(b, area, problem, 2, "IN_PROGRESS", "2025-05-31"), 3, 3));
        // c: completed, reopened with another kind, the same version again with other content
        events.add(task("TaskCreated", plan.task(c, area, problem, 3, "IN_PROGRESS", "2025-02-28"), 1, 10));
        events.add(task("TaskCompleted", plan.task(c, area, problem, 3, "VERIFIED", "2025-02-28"), 2, 20));
        events.add(task("TaskReopened", plan.task(c, area, problem, 3, "IN_PROGRESS", "2025-02-28")
                .put("kind", "LONG_TERM").put("reopenCount", 1), 3, 30));
        events.add(task("TaskUpdated", plan.task(c, area, problem, 3, "IN_PROGRESS", "2025-03-31")
                .put("kind", "LONG_TERM").put("reopenCount", 1), 3, 25));
        events.add(aReport);
        return events;
    }

    private static EventEnvelope task(String type, ObjectNode task, long version, int minutes) {
        return envelope(type, UUID.fromString(task.get("id").asText()), version, minutes, data("task", task));
    }

    private static EventEnvelope report(ObjectNode task, long version, int minutes, int percent) {
        ObjectNode data = data("task", task);
        data.putObject("report").put("id", UUID.randomUUID().toString()).put("cadence", "MONTHLY")
                .put("periodStart", "2025-03-01").put("periodEnd", "2025-03-31").put("percentComplete", percent)
                .put("text", "按计划推进").put("reporter", "李处长")
                .put("reportedAt", T0.plusMinutes(minutes).toString());
        return envelope("TaskProgressReported", UUID.fromString(task.get("id").asText()), version, minutes, data);
    }

    private static ObjectNode data(String member, JsonNode value) {
        ObjectNode data = JSON.createObjectNode();
        data.set(member, value);
        return data;
    }

    private static EventEnvelope envelope(String type, UUID subject, long version, int minutes, JsonNode data) {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/tasks-service", type, subject.toString(),
                T0.plusMinutes(minutes), "application/json", type.replaceAll("(Registered|Created|Updated|Completed"
                + "|Reopened|ProgressReported|Recorded)$", "").replace("Indicator", "Task"), version, data);
    }

    private static final Map<String, String> TABLES = Map.of(
            "rm_inspection", "SELECT * FROM rm_inspection WHERE id = ? ORDER BY id",
            "rm_area", "SELECT * FROM rm_area WHERE inspection_id = ? ORDER BY id",
            "rm_problem", "SELECT * FROM rm_problem WHERE inspection_id = ? ORDER BY id",
            "rm_problem_history", "SELECT * FROM rm_problem_history WHERE inspection_id = ? ORDER BY problem_id, version",
            "rm_task", "SELECT * FROM rm_task WHERE inspection_id = ? ORDER BY id",
            "rm_task_history", "SELECT * FROM rm_task_history WHERE inspection_id = ? ORDER BY task_id, version",
            "rm_progress_report", "SELECT * FROM rm_progress_report WHERE inspection_id = ? ORDER BY id",
            "rm_indicator_value", "SELECT indicator_id, task_id, name, unit, value, source, recorded_at"
                    + " FROM rm_indicator_value WHERE inspection_id = ? ORDER BY indicator_id, recorded_at");

    private String readModels(UUID inspection) throws Exception {
        return ReadModelDump.of(dataSource, TABLES, inspection);
    }

    private void clear(UUID inspection, List<EventEnvelope> events) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES.keySet()) {
                String column = table.equals("rm_inspection") ? "id" : "inspection_id";
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE " + column + " = ?")) {
                    delete.setObject(1, inspection);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM consumed_event WHERE consumer = ? AND event_id = ANY(?)")) {
                delete.setString(1, handler.consumerName());
                delete.setArray(2, connection.createArrayOf("text", events.stream().map(EventEnvelope::id).toArray()));
                delete.executeUpdate();
            }
        }
    }
}
