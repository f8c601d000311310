package io.rectification.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.ConsumedEvents;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.dashboard.DashboardViews.Summary;
import io.rectification.reporting.projection.TasksEventHandler;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard summary read from the counters (rm_task_tally) equals the summary counted from the
 * task rows, after every poll of a randomized sequence of task events (state changes, close-outs and
 * reopenings, deadline changes, kinds, cadences, reports around midnight in Asia/Shanghai and at
 * month ends, late and repeated deliveries), for asOf days around them, several riskDays and
 * deadline ranges, every source scope (the tasks' problems of four sources, one of them registered
 * only after its tasks, one never), and after the rows are deleted and the events replayed (what a
 * rebuild does), with some tasks cancelled (撤销) on the way, which the counters and the rows' figures
 * leave out. The reference counts missing reports from the raw columns, not from report_due_on,
 * and the sources from rm_problem, not from problem_source.
 */
@QuarkusTest
class DashboardSummaryTallyTest {

    /** 23:59:30 on 31 March in Shanghai (15:59:30 UTC): the last half-minute of a month. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2025-03-31T15:59:30Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STATES = {"PLANNED", "IN_PROGRESS", "COMPLETION_CLAIMED", "CONSOLIDATING", "VERIFIED",
            "REOPENED"};
    private static final String[] KINDS = {"IMMEDIATE", "TIME_BOUND", "LONG_TERM"};
    private static final String[] DEADLINES = {"2025-02-28", "2025-03-30", "2025-03-31", "2025-04-01", "2025-04-07",
            "2025-04-08", "2025-04-30", null};
    private static final String[] CADENCES = {"DAILY", "WEEKLY", "MONTHLY", null};
    /** Last reports: either side of midnight in Shanghai, and month ends (31 Jan + 1 month = 28 Feb). */
    private static final String[] REPORTS = {"2025-03-30T15:59:59Z", "2025-03-30T16:00:00Z", "2025-03-24T16:00:00Z",
            "2025-03-24T15:59:59Z", "2025-02-28T15:59:59Z", "2025-02-28T16:00:00Z", "2025-01-31T10:00:00+08:00",
            "2025-03-31T10:00:00+08:00", null};
    private static final LocalDate[] AS_OF = {null, LocalDate.parse("2025-02-28"), LocalDate.parse("2025-03-01"),
            LocalDate.parse("2025-03-30"), LocalDate.parse("2025-03-31"), LocalDate.parse("2025-04-01"),
            LocalDate.parse("2025-04-07")};

    @Inject
    TasksEventHandler handler;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    DashboardQueries queries;

    @Inject
    ReportingConfig config;

    @Inject
    Sql sql;

    @Test
    void theCountersGiveTheSummaryTheRowsGive() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ContractEvents plan = new ContractEvents();
        UUID area = UUID.randomUUID();
        // the inspection's finding, a 举一反三 and a 群众反映 problem, and one whose event never comes (PLAN)
        Map<UUID, String> problems = new LinkedHashMap<>();
        for (String source : new String[]{"PLAN", "ANALOGY", "FEEDBACK", null}) {
            problems.put(UUID.randomUUID(), source);
        }
        List<EventEnvelope> events = sequence(plan, area, List.copyOf(problems.keySet()), random);
        // the finding registered first, the 群众反映 problem only once its tasks are there
        List<UUID> problemIds = List.copyOf(problems.keySet());
        events.add(0, problemEvent(plan, area, problemIds.get(0), "PLAN"));
        events.add(0, problemEvent(plan, area, problemIds.get(1), "ANALOGY"));
        events.add(events.size() / 2, problemEvent(plan, area, problemIds.get(2), "FEEDBACK"));

        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(8));
            List<EventEnvelope> poll = events.subList(from, to);
            QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyAllOnce(handler, poll));
            assertSummariesEqual(plan.inspectionId, "seed " + seed + ", after event " + to);
            from = to;
        }
        assertTrue(count("SELECT count(*) FROM rm_task WHERE inspection_id = ?", plan.inspectionId) >= 20);
        assertTrue(count("SELECT count(*) FROM rm_task WHERE inspection_id = ? AND cancelled_at IS NOT NULL",
                plan.inspectionId) >= 1);

        // a rebuild: the rows deleted (the counters with them), the events applied again
        sql.update("DELETE FROM rm_task WHERE inspection_id = ?", plan.inspectionId);
        assertEquals(0, count("SELECT count(*) FROM rm_task_tally WHERE inspection_id = ?", plan.inspectionId));
        sql.update("DELETE FROM consumed_event WHERE consumer = ? AND event_id = ANY(?)", handler.consumerName(),
                events.stream().map(EventEnvelope::id).distinct().toArray(String[]::new));
        QuarkusTransaction.requiringNew().run(() -> consumedEvents.applyAllOnce(handler, events));
        assertSummariesEqual(plan.inspectionId, "seed " + seed + ", replayed");
        assertEquals(tallyFromRows(plan.inspectionId), tally(plan.inspectionId), "seed " + seed);
    }

    private void assertSummariesEqual(UUID inspection, String when) {
        for (LocalDate asOf : AS_OF) {
            for (int riskDays : new int[]{0, 7}) {
                for (String[] range : new String[][]{{null, null}, {"2025-03-31", "2025-04-07"}}) {
                    for (SourceScope source : SourceScope.values()) {
                        TaskFilter filter = new TaskFilter(inspection, range[0] == null ? null : LocalDate.parse(range[0]),
                                range[1] == null ? null : LocalDate.parse(range[1]),
                                asOf != null ? asOf : config.today(), riskDays, config.zone(), source);
                        assertEquals(fromRows(filter), queries.summary(filter), when + ", asOf " + filter.asOf()
                                + ", riskDays " + riskDays + ", range " + Arrays.toString(range) + ", source " + source);
                    }
                }
            }
        }
    }

    /**
     * The summary counted from rm_task, missing reports from the raw columns in the organisation's zone
     * (owed only while the task is being worked on), sources from rm_problem.
     */
    private Summary fromRows(TaskFilter filter) {
        List<Object> parameters = new ArrayList<>(List.of(filter.asOf(), filter.asOf(), filter.asOf(),
                filter.asOf().plusDays(filter.riskDays()), filter.zone().getId(), filter.asOf().plusDays(1)));
        String where = where(filter, parameters, false);
        String open = "NOT " + TaskStates.VERIFIED.replace("t.state", "coalesce(t.state, '')");
        long[] totals = sql.one("SELECT count(*), count(*) FILTER (WHERE " + TaskStates.COMPLETED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.VERIFIED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.OVERDUE + "),"
                        + " count(*) FILTER (WHERE " + open + " AND coalesce(t.deadline >= CAST(? AS date), TRUE) AND ("
                        + "   (t.deadline >= CAST(? AS date) AND t.deadline <= CAST(? AS date))"
                        + "   OR (t.reporting_cadence IS NOT NULL AND t.state IN ('IN_PROGRESS', 'REOPENED')"
                        + "     AND (coalesce(t.last_progress_report_at, t.first_seen_at)"
                        + "     AT TIME ZONE ?) + CASE t.reporting_cadence WHEN 'DAILY' THEN interval '1 day'"
                        + "     WHEN 'WEEKLY' THEN interval '7 days' ELSE interval '1 month' END < CAST(? AS timestamp)))),"
                        + " coalesce(round(avg(coalesce(t.percent_complete, 0))), 0)"
                        + " FROM rm_task t" + ROW_SOURCE + " WHERE " + where,
                row -> new long[]{row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6)},
                parameters.toArray());
        List<Object> otherParameters = new ArrayList<>(List.of(filter.asOf()));
        String outside = where(filter, otherParameters, true);
        List<DashboardViews.SourceFigures> others = sql.query("SELECT coalesce(p.source, 'PLAN'), count(*),"
                        + " count(*) FILTER (WHERE " + TaskStates.COMPLETED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.VERIFIED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.OVERDUE + ")"
                        + " FROM rm_task t" + ROW_SOURCE + " WHERE " + outside + " GROUP BY 1"
                        + " ORDER BY array_position(ARRAY['PLAN', 'ANALOGY', 'SELF_FOUND', 'LOOK_BACK', 'FEEDBACK'],"
                        + " coalesce(p.source, 'PLAN'))",
                row -> new DashboardViews.SourceFigures(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5)),
                otherParameters.toArray());
        return new Summary(filter.inspectionId(), filter.asOf(), filter.source(), totals[0], countBy("t.state", filter),
                countBy("t.kind", filter), totals[1], totals[2], rate(totals[1], totals[0]), rate(totals[2], totals[0]),
                totals[3], totals[4], (int) totals[5], others);
    }

    /** The source of a task's problem as rm_problem holds it (the reference does not read problem_source). */
    private static final String ROW_SOURCE = " LEFT JOIN rm_problem p ON p.id = t.problem_id";

    /** The filter's condition with the source read from rm_problem; {@code outside}: the other sources'. */
    private static String where(TaskFilter filter, List<Object> parameters, boolean outside) {
        String where = outside
                ? Standing.sql("t") + " AND NOT " + filter.inScopeInTally() + " AND " + filter.whereAnySourceInTally(parameters)
                : filter.where(parameters);
        return where.replace(TaskFilter.SOURCE_COLUMN, "p.source");
    }

    private Map<String, Long> countBy(String column, TaskFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters, false);
        Map<String, Long> counts = new TreeMap<>();
        sql.query("SELECT " + column + ", count(*) FROM rm_task t" + ROW_SOURCE + " WHERE " + where + " GROUP BY 1",
                row -> counts.put(String.valueOf(row.getString(1)), row.getLong(2)), parameters.toArray());
        return counts;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private List<String> tally(UUID inspection) {
        return sql.query("SELECT concat_ws('|', problem_source, deadline, state, kind, report_due_on, tasks, percent_sum)"
                + " FROM rm_task_tally WHERE inspection_id = ? ORDER BY 1", row -> row.getString(1), inspection);
    }

    private List<String> tallyFromRows(UUID inspection) {
        return sql.query("SELECT concat_ws('|', p.source, t.deadline, t.state, t.kind, t.report_due_on, count(*),"
                + " sum(coalesce(t.percent_complete, 0))) FROM rm_task t" + ROW_SOURCE + " WHERE t.inspection_id = ?"
                + " AND " + Standing.sql("t")
                + " GROUP BY p.source, t.deadline, t.state, t.kind, t.report_due_on ORDER BY 1", row -> row.getString(1),
                inspection);
    }

    private long count(String query, UUID inspection) {
        return sql.one(query, row -> row.getLong(1), inspection);
    }

    /**
     * 24 tasks of the problems in turn, each created and then changed at random (a reopening when a
     * closed-out task opens again), with now and then an older version delivered late or an event
     * delivered twice.
     */
    private static List<EventEnvelope> sequence(ContractEvents plan, UUID area, List<UUID> problems, Random random) {
        List<EventEnvelope> events = new ArrayList<>();
        Map<UUID, ObjectNode> current = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        List<UUID> tasks = new ArrayList<>();
        // first seen either side of midnight in Shanghai, a month and a week before asOf
        OffsetDateTime[] created = {OffsetDateTime.parse("2025-02-28T23:59:00+08:00"),
                OffsetDateTime.parse("2025-03-01T00:00:00+08:00"), OffsetDateTime.parse("2025-03-24T23:59:59+08:00"),
                OffsetDateTime.parse("2025-03-30T00:00:00+08:00")};
        for (int i = 0; i < 24; i++) {
            UUID id = UUID.randomUUID();
            tasks.add(id);
            ObjectNode task = randomized(plan.task(id, area, problems.get(i % problems.size()), i + 1, "PLANNED",
                    "2025-04-07"), random);
            current.put(id, task);
            versions.put(id, 1L);
            events.add(envelope("TaskCreated", task, 1, created[random.nextInt(created.length)]));
        }
        OffsetDateTime time = OffsetDateTime.parse("2025-03-30T12:00:00+08:00");
        EventEnvelope previous = null;
        for (int step = 0; step < 160; step++) {
            int dice = step == 80 && tasks.size() == 24 ? 2 : random.nextInt(20); // one cancelled at least
            if (dice == 0 && previous != null) {
                events.add(previous); // delivered again
                continue;
            }
            UUID id = tasks.get(random.nextInt(tasks.size()));
            ObjectNode before = current.get(id);
            long version = versions.merge(id, 1L, Long::sum);
            ObjectNode after = randomized(before.deepCopy(), random);
            String type = "TaskUpdated";
            if (dice == 2 && tasks.size() > 16) {
                // cancelled (撤销) in the state it had: out of every figure, and changed no more
                after = before.deepCopy();
                after.put("cancelledAt", time.plusMinutes(1).toString());
                type = "TaskCancelled";
                tasks.remove(id);
            } else if ("VERIFIED".equals(before.path("state").asText()) && !"VERIFIED".equals(after.path("state").asText())) {
                after.put("state", "REOPENED").put("reopenCount", before.path("reopenCount").asInt() + 1);
                type = "TaskReopened";
            }
            time = time.plusMinutes(1 + random.nextInt(90));
            EventEnvelope event = envelope(type, after, version, time);
            if (dice == 1 && !"TaskCancelled".equals(type)) {
                // a newer version arrives before this one: this one, late, must change nothing
                long newer = versions.merge(id, 1L, Long::sum);
                ObjectNode next = randomized(after.deepCopy(), random);
                next.put("state", after.path("state").asText());
                events.add(envelope("TaskUpdated", next, newer, time.plusSeconds(30)));
                current.put(id, next);
            } else {
                current.put(id, after);
            }
            events.add(event);
            previous = event;
        }
        return events;
    }

    /** Changes one or two members: state, kind, deadline, percent, cadence or last report. */
    private static ObjectNode randomized(ObjectNode task, Random random) {
        for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    String state = STATES[random.nextInt(STATES.length)];
                    task.put("state", state);
                    if ("VERIFIED".equals(state)) {
                        task.put("percentComplete", 100);
                    }
                }
                case 1 -> task.put("kind", KINDS[random.nextInt(KINDS.length)]);
                case 2 -> putOrNull(task, "deadline", DEADLINES[random.nextInt(DEADLINES.length)]);
                case 3 -> {
                    if (random.nextInt(5) == 0) {
                        task.putNull("percentComplete");
                    } else {
                        task.put("percentComplete", random.nextInt(101));
                    }
                }
                case 4 -> putOrNull(task, "reportingCadence", CADENCES[random.nextInt(CADENCES.length)]);
                default -> putOrNull(task, "lastProgressReportAt", REPORTS[random.nextInt(REPORTS.length)]);
            }
        }
        return task;
    }

    private static void putOrNull(ObjectNode task, String member, String value) {
        if (value == null) {
            task.putNull(member);
        } else {
            task.put(member, value);
        }
    }

    private static EventEnvelope problemEvent(ContractEvents plan, UUID area, UUID id, String source) {
        ObjectNode problem = JSON.createObjectNode().put("id", id.toString()).put("version", 1)
                .put("inspectionId", plan.inspectionId.toString()).put("areaId", area.toString()).put("number", 1)
                .put("title", "问题").put("source", source);
        ObjectNode data = JSON.createObjectNode();
        data.set("problem", problem);
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/tasks-service", "ProblemRegistered",
                id.toString(), OffsetDateTime.parse("2025-03-01T09:00:00+08:00"), "application/json", "Problem", 1L, data);
    }

    private static EventEnvelope envelope(String type, ObjectNode task, long version, OffsetDateTime time) {
        task.put("version", version);
        ObjectNode data = JSON.createObjectNode();
        data.set("task", task.deepCopy());
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/tasks-service", type,
                task.get("id").asText(), time, "application/json", "Task", version, data);
    }
}
