package io.rectification.tasks.lists;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.text.PlanNumbering;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskLifecycle;
import io.rectification.tasks.rollup.ProgressRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the problem, task and responsibility lists of one inspection, in the plan's order: of what stands,
 * since a list is a document of the ledger and its rows have nowhere to say that one was cancelled (撤销);
 * GET /tasks and /problems with includeCancelled=true show those.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerListService {

    private final InspectionService inspections;
    private final ProgressRollup rollup;

    public LedgerListService(InspectionService inspections, ProgressRollup rollup) {
        this.inspections = inspections;
        this.rollup = rollup;
    }

    public List<ListRows.ProblemRow> problemList(UUID inspectionId) {
        inspections.requireInspection(inspectionId);
        Map<UUID, FeedbackArea> areas = areasOf(inspectionId);
        // the lists are the ledger that stands: what the office cancelled (撤销) is on none of them
        List<Problem> problems = Problem.list("inspectionId = ?1 and cancellation.at is null", inspectionId);
        List<UUID> problemIds = problems.stream().map(p -> p.id).toList();
        Map<UUID, Integer> taskCounts = rollup.taskCountOfProblems(problemIds);
        Map<UUID, Integer> percents = rollup.percentOfProblems(problemIds);
        Map<UUID, Integer> closed = closedTaskCounts(inspectionId);
        List<ListRows.ProblemRow> rows = new ArrayList<>();
        for (Problem problem : problems) {
            FeedbackArea area = areas.get(problem.areaId);
            rows.add(new ListRows.ProblemRow(problem.id, PlanNumbering.inText(area.number, problem.number, 0),
                    area.number, area.title, problem.number, problem.title, problem.description, problem.source,
                    taskCounts.get(problem.id), closed.getOrDefault(problem.id, 0), percents.get(problem.id)));
        }
        rows.sort(Comparator.comparingInt(ListRows.ProblemRow::areaNumber).thenComparingInt(ListRows.ProblemRow::problemNumber));
        return rows;
    }

    public List<ListRows.TaskRow> taskList(UUID inspectionId) {
        inspections.requireInspection(inspectionId);
        Map<UUID, FeedbackArea> areas = areasOf(inspectionId);
        Map<UUID, Problem> problems = Problem.<Problem>list("inspectionId", inspectionId).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<ListRows.TaskRow> rows = new ArrayList<>();
        for (RectificationTask task : RectificationTask.<RectificationTask>list("inspectionId = ?1 and cancellation.at is null",
                inspectionId)) {
            FeedbackArea area = areas.get(task.areaId);
            Problem problem = problems.get(task.problemId);
            rows.add(new ListRows.TaskRow(task.id, PlanNumbering.inText(area.number, problem.number, task.number),
                    area.number, area.title, problem.number, problem.title, task.number, task.title, task.measures,
                    task.kind, task.deadline, task.state, task.percentComplete, task.progressNarrative, task.leadOfficial,
                    task.responsiblePerson, task.responsibleUnit));
        }
        rows.sort(Comparator.comparingInt(ListRows.TaskRow::areaNumber).thenComparingInt(ListRows.TaskRow::problemNumber)
                .thenComparingInt(ListRows.TaskRow::taskNumber));
        return rows;
    }

    public ListRows.ResponsibilityList responsibilityList(UUID inspectionId) {
        List<ListRows.TaskRow> tasks = taskList(inspectionId);
        return new ListRows.ResponsibilityList(inspectionId, group(tasks, ListRows.TaskRow::leadOfficial),
                group(tasks, ListRows.TaskRow::responsibleUnit));
    }

    private static List<ListRows.Responsibility> group(List<ListRows.TaskRow> tasks, Function<ListRows.TaskRow, String> by) {
        Map<String, List<ListRows.TaskRow>> grouped = tasks.stream()
                .collect(Collectors.groupingBy(by, LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new ListRows.Responsibility(e.getKey(), e.getValue().size(), e.getValue()))
                .sorted(Comparator.comparing(ListRows.Responsibility::name))
                .toList();
    }

    /** How many closed (销号) tasks each problem of the inspection has, in one query. */
    private static Map<UUID, Integer> closedTaskCounts(UUID inspectionId) {
        Map<UUID, Integer> counts = new HashMap<>();
        RectificationTask.getEntityManager().createQuery("select t.problemId, count(t) from RectificationTask t"
                        + " where t.inspectionId = :inspection and t.state in :closed group by t.problemId", Object[].class)
                .setParameter("inspection", inspectionId)
                .setParameter("closed", TaskLifecycle.CLOSED)
                .getResultList()
                .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    private static Map<UUID, FeedbackArea> areasOf(UUID inspectionId) {
        return FeedbackArea.<FeedbackArea>list("inspectionId", Sort.by("number"), inspectionId).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
    }
}
