package io.rectification.reporting.export;

import io.rectification.platform.contract.TaskStates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.support.Json;
import io.rectification.reporting.support.Sql;
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
 * the newest snapshot of each problem and task recorded before then (areas as they are now).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ListExports {

    static final Map<String, String> KIND = Map.of("IMMEDIATE", "立行立改", "TIME_BOUND", "限期整改",
            "LONG_TERM", "长期坚持");
    static final Map<String, String> STATE = Map.of("PLANNED", "未开始", "IN_PROGRESS", "推进中",
            "COMPLETION_CLAIMED", "待验收", "VERIFIED", "已销号", "CONSOLIDATING", "巩固提升", "REOPENED", "再整改");
    static final Map<String, String> SOURCE = Map.of("PLAN", "巡视反馈", "LOOK_BACK", "回头看", "FEEDBACK", "群众反映",
            "SELF_FOUND", "自查发现", "ANALOGY", "举一反三");

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
        List<JsonNode> problems = snapshots("rm_problem_history", "problem_id", inspectionId, end);
        List<JsonNode> tasks = snapshots("rm_task_history", "task_id", inspectionId, end);
        Map<UUID, JsonNode> problemById = new HashMap<>();
        problems.forEach(problem -> problemById.put(Json.uuid(problem, "id"), problem));

        Comparator<JsonNode> byProblemOrder = Comparator
                .comparing((JsonNode node) -> areaNumber(areas, Json.uuid(node, "areaId")))
                .thenComparing(node -> number(problemById.get(Json.uuid(node, "problemId")), node));
        return switch (list) {
            case PROBLEMS -> problemList(areas, problems, tasks);
            case TASKS -> new Table(list.title, List.of("方面", "问题序号", "具体问题", "任务序号", "整改任务", "整改措施",
                    "任务类型", "完成时限", "状态", "完成进度(%)", "整改进展"),
                    sorted(tasks, byProblemOrder).stream().map(task -> List.<Object>of(
                            areaTitle(areas, Json.uuid(task, "areaId")), problemNumber(problemById, task),
                            problemTitle(problemById, task), numberOrEmpty(task), text(task, "title"),
                            text(task, "measures"), KIND.getOrDefault(text(task, "kind"), text(task, "kind")),
                            text(task, "deadline"), STATE.getOrDefault(text(task, "state"), text(task, "state")),
                            percent(task), text(task, "progressNarrative"))).toList());
            case RESPONSIBILITIES -> new Table(list.title, List.of("方面", "问题序号", "任务序号", "整改任务", "牵头领导",
                    "具体责任人", "责任单位", "完成时限", "状态"),
                    sorted(tasks, byProblemOrder).stream().map(task -> List.<Object>of(
                            areaTitle(areas, Json.uuid(task, "areaId")), problemNumber(problemById, task),
                            numberOrEmpty(task), text(task, "title"), text(task, "leadOfficial"),
                            text(task, "responsiblePerson"), text(task, "responsibleUnit"), text(task, "deadline"),
                            STATE.getOrDefault(text(task, "state"), text(task, "state")))).toList());
        };
    }

    private Table problemList(Map<UUID, Area> areas, List<JsonNode> problems, List<JsonNode> tasks) {
        Map<UUID, long[]> counts = new HashMap<>();
        for (JsonNode task : tasks) {
            long[] count = counts.computeIfAbsent(Json.uuid(task, "problemId"), k -> new long[2]);
            count[0]++;
            if (TaskStates.isClosed(text(task, "state"))) {
                count[1]++;
            }
        }
        List<JsonNode> ordered = sorted(problems, Comparator
                .comparing((JsonNode node) -> areaNumber(areas, Json.uuid(node, "areaId")))
                .thenComparing(node -> number(node, node)));
        return new Table(RectificationList.PROBLEMS.title, List.of("方面序号", "方面", "问题序号", "具体问题", "问题描述",
                "来源", "整改任务数", "已销号任务数", "完成进度(%)"),
                ordered.stream().map(problem -> {
                    UUID areaId = Json.uuid(problem, "areaId");
                    Area area = areaId == null ? null : areas.get(areaId);
                    long[] count = counts.getOrDefault(Json.uuid(problem, "id"), new long[2]);
                    return List.<Object>of(area == null ? "" : area.number(), area == null ? "" : area.title(),
                            numberOrEmpty(problem), text(problem, "title"), text(problem, "description"),
                            SOURCE.getOrDefault(text(problem, "source"), text(problem, "source")), count[0], count[1],
                            percent(problem));
                }).toList());
    }

    private List<JsonNode> snapshots(String table, String idColumn, UUID inspectionId, OffsetDateTime end) {
        return sql.query("SELECT DISTINCT ON (" + idColumn + ") data FROM " + table
                        + " WHERE inspection_id = ? AND event_time < ? ORDER BY " + idColumn + ", version DESC",
                row -> parse(row.getString(1)), inspectionId, end);
    }

    private static List<JsonNode> sorted(List<JsonNode> nodes, Comparator<JsonNode> order) {
        List<JsonNode> copy = new ArrayList<>(nodes);
        copy.sort(order.thenComparing((JsonNode node) -> node.path("number").asInt(Integer.MAX_VALUE))
                .thenComparing(node -> node.path("id").asText()));
        return copy;
    }

    private static int areaNumber(Map<UUID, Area> areas, UUID areaId) {
        Area area = areaId == null ? null : areas.get(areaId);
        return area == null ? Integer.MAX_VALUE : area.number();
    }

    private static String areaTitle(Map<UUID, Area> areas, UUID areaId) {
        Area area = areaId == null ? null : areas.get(areaId);
        return area == null ? "" : "(" + area.number() + ")" + area.title();
    }

    private static int number(JsonNode problem, JsonNode fallback) {
        JsonNode node = problem != null ? problem : fallback;
        return node.path("number").asInt(Integer.MAX_VALUE);
    }

    private static Object problemNumber(Map<UUID, JsonNode> problems, JsonNode task) {
        JsonNode problem = problems.get(Json.uuid(task, "problemId"));
        return problem == null ? "" : numberOrEmpty(problem);
    }

    private static String problemTitle(Map<UUID, JsonNode> problems, JsonNode task) {
        JsonNode problem = problems.get(Json.uuid(task, "problemId"));
        return problem == null ? "" : text(problem, "title");
    }

    private static Object numberOrEmpty(JsonNode node) {
        Integer number = Json.integer(node, "number");
        return number == null ? "" : number;
    }

    private static Object percent(JsonNode node) {
        Integer percent = Json.integer(node, "percentComplete");
        return percent == null ? "" : percent;
    }

    private static String text(JsonNode node, String name) {
        String text = Json.text(node, name);
        return text == null ? "" : text;
    }

    private JsonNode parse(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
