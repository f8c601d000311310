package io.rectification.reporting.export;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.lists.ListColumns;
import io.rectification.platform.lists.ProblemLine;
import io.rectification.platform.lists.RectificationList;
import io.rectification.platform.lists.TaskLine;
import io.rectification.platform.table.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.support.Json;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The problem, task and responsibility lists of an inspection as they stood at the end of a day:
 * the newest snapshot of each problem and task recorded before then (areas as they are now), in the
 * columns every export of the lists has ({@link ListColumns}); 是否逾期 as of that day. What had been
 * cancelled (撤销) by then is not in them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ListExports {

    private final Sql sql;
    private final ObjectMapper objectMapper;

    public ListExports(Sql sql, ObjectMapper objectMapper) {
        this.sql = sql;
        this.objectMapper = objectMapper;
    }

    private record Area(int number, String title) {
    }

    public Table table(RectificationList list, UUID inspectionId, LocalDate asOf, ZoneId zone) {
        OffsetDateTime end = asOf.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<UUID, Area> areas = new HashMap<>();
        sql.query("SELECT id, number, title FROM rm_area WHERE inspection_id = ?",
                row -> areas.put(row.getObject(1, UUID.class), new Area(row.getInt(2), row.getString(3))), inspectionId);
        List<JsonNode> problems = standing(snapshots("rm_problem_history", "problem_id", inspectionId, end));
        List<JsonNode> tasks = standing(snapshots("rm_task_history", "task_id", inspectionId, end));
        Map<UUID, JsonNode> problemById = new HashMap<>();
        problems.forEach(problem -> problemById.put(Json.uuid(problem, "id"), problem));

        Comparator<JsonNode> byProblemOrder = Comparator
                .comparing((JsonNode node) -> areaNumber(areas, Json.uuid(node, "areaId")))
                .thenComparing(node -> number(problemById.get(Json.uuid(node, "problemId")), node));
        return switch (list) {
            case PROBLEMS -> ListColumns.PROBLEMS.table(problemLines(areas, problems, tasks), asOf);
            case TASKS -> ListColumns.TASKS.table(taskLines(areas, problemById, sorted(tasks, byProblemOrder)), asOf);
            case RESPONSIBILITIES ->
                    ListColumns.RESPONSIBILITIES.table(taskLines(areas, problemById, sorted(tasks, byProblemOrder)), asOf);
        };
    }

    private static List<TaskLine> taskLines(Map<UUID, Area> areas, Map<UUID, JsonNode> problemById,
                                            List<JsonNode> tasks) {
        return tasks.stream().map(task -> {
            Area area = area(areas, Json.uuid(task, "areaId"));
            JsonNode problem = problemById.get(Json.uuid(task, "problemId"));
            return new TaskLine(area == null ? null : area.number(), area == null ? null : area.title(),
                    problem == null ? null : Json.integer(problem, "number"),
                    problem == null ? null : Json.text(problem, "title"), Json.integer(task, "number"),
                    Json.text(task, "title"), Json.text(task, "measures"), Json.text(task, "kind"),
                    Json.date(task, "deadline"), Json.text(task, "state"), Json.integer(task, "percentComplete"),
                    Json.text(task, "progressNarrative"), Json.text(task, "leadOfficial"),
                    Json.text(task, "responsiblePerson"), Json.text(task, "responsibleUnit"));
        }).toList();
    }

    /**
     * A problem's tasks, how many of them are closed out and its percent are all counted from the same
     * task snapshots. The percent is not the problem's own event's: a task event does not republish its
     * problem, so that figure stands still until the problem's next change (tasks-service rolls it up
     * from the tasks on read, and so do the dashboards). As tasks-service defines it: the rounded
     * average of the tasks' percents, a closed-out task counting 100, and 0 without tasks.
     */
    private static List<ProblemLine> problemLines(Map<UUID, Area> areas, List<JsonNode> problems, List<JsonNode> tasks) {
        Map<UUID, TaskTally> tallies = new HashMap<>();
        for (JsonNode task : tasks) {
            tallies.computeIfAbsent(Json.uuid(task, "problemId"), k -> new TaskTally()).add(task);
        }
        List<JsonNode> ordered = sorted(problems, Comparator
                .comparing((JsonNode node) -> areaNumber(areas, Json.uuid(node, "areaId")))
                .thenComparing(node -> number(node, node)));
        return ordered.stream().map(problem -> {
            Area area = area(areas, Json.uuid(problem, "areaId"));
            TaskTally tally = tallies.getOrDefault(Json.uuid(problem, "id"), new TaskTally());
            return new ProblemLine(area == null ? null : area.number(), area == null ? null : area.title(),
                    Json.integer(problem, "number"), Json.text(problem, "title"), Json.text(problem, "description"),
                    Json.text(problem, "source"), tally.tasks, tally.closed, tally.percent());
        }).toList();
    }

    /** One problem's tasks as they stood: how many, how many closed out, and the sum of their percents. */
    private static final class TaskTally {
        private long tasks;
        private long closed;
        private long percentSum;

        void add(JsonNode task) {
            tasks++;
            boolean isClosed = TaskStates.isClosed(Json.text(task, "state"));
            if (isClosed) {
                closed++;
            }
            Integer percent = Json.integer(task, "percentComplete");
            percentSum += isClosed ? 100 : percent == null ? 0 : percent;
        }

        int percent() {
            return tasks == 0 ? 0 : (int) Math.round((double) percentSum / tasks);
        }
    }

    private List<JsonNode> snapshots(String table, String idColumn, UUID inspectionId, OffsetDateTime end) {
        return sql.query("SELECT DISTINCT ON (" + idColumn + ") data FROM " + table
                        + " WHERE inspection_id = ? AND event_time < ? ORDER BY " + idColumn + ", version DESC",
                row -> Json.parse(objectMapper, row.getString(1)), inspectionId, end);
    }

    /**
     * Those not cancelled (撤销) by the end of the day: a list as it stood then leaves out what had been
     * cancelled by then, as the figures of that day did, and keeps what was cancelled only later.
     */
    private static List<JsonNode> standing(List<JsonNode> snapshots) {
        return snapshots.stream().filter(Standing::stands).toList();
    }

    private static List<JsonNode> sorted(List<JsonNode> nodes, Comparator<JsonNode> order) {
        List<JsonNode> copy = new ArrayList<>(nodes);
        copy.sort(order.thenComparing((JsonNode node) -> node.path("number").asInt(Integer.MAX_VALUE))
                .thenComparing(node -> node.path("id").asText()));
        return copy;
    }

    private static Area area(Map<UUID, Area> areas, UUID areaId) {
        return areaId == null ? null : areas.get(areaId);
    }

    private static int areaNumber(Map<UUID, Area> areas, UUID areaId) {
        Area area = area(areas, areaId);
        return area == null ? Integer.MAX_VALUE : area.number();
    }

    private static int number(JsonNode problem, JsonNode fallback) {
        JsonNode node = problem != null ? problem : fallback;
        return node.path("number").asInt(Integer.MAX_VALUE);
    }
}
