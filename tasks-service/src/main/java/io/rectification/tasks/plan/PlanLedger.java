package io.rectification.tasks.plan;

import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.task.RectificationTask;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An inspection's rows in the ledger, read in five queries whatever its size (not one per area,
 * problem, task or spreadsheet row): a re-import of thousands of tasks is compared in memory, for
 * {@code POST /plans} (by number, {@link PlanComparison}) and the breakdown table (by title,
 * {@link SpreadsheetComparison}) alike. The import of a 2,000-row table asked the database three
 * times a row before, most of its ten seconds. What the office cancelled (撤销) is read too: it holds its
 * number (new rows are numbered after it, never reusing one) and a plan row matching it is a CONFLICT,
 * saying so on the day in {@code zone}; absent from the plan, it is not REMOVED (not reported at all).
 */
record PlanLedger(List<FeedbackArea> areas, Map<UUID, List<Problem>> problems, Map<UUID, List<RectificationTask>> tasks,
                  Map<UUID, Integer> indicatorCounts, Map<UUID, Integer> milestoneCounts, ZoneId zone) {

    static PlanLedger of(UUID inspectionId, ZoneId zone) {
        return new PlanLedger(FeedbackArea.list("inspectionId", inspectionId),
                Problem.<Problem>list("inspectionId", inspectionId).stream()
                        .collect(Collectors.groupingBy(p -> p.areaId)),
                RectificationTask.<RectificationTask>list("inspectionId", inspectionId).stream()
                        .collect(Collectors.groupingBy(t -> t.problemId)),
                countsOf("Indicator", inspectionId), countsOf("Milestone", inspectionId), zone);
    }

    private static Map<UUID, Integer> countsOf(String entity, UUID inspectionId) {
        return FeedbackArea.getEntityManager().createQuery("select p.taskId, count(p) from " + entity + " p, "
                        + "RectificationTask t where p.taskId = t.id and t.inspectionId = :id group by p.taskId",
                        Object[].class)
                .setParameter("id", inspectionId).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).intValue()));
    }

    List<Problem> problemsOf(UUID areaId) {
        return problems.getOrDefault(areaId, List.of());
    }

    List<RectificationTask> tasksOf(UUID problemId) {
        return tasks.getOrDefault(problemId, List.of());
    }

    int indicatorsOf(UUID taskId) {
        return indicatorCounts.getOrDefault(taskId, 0);
    }

    int milestonesOf(UUID taskId) {
        return milestoneCounts.getOrDefault(taskId, 0);
    }

    /** The number the next new area takes: after the highest held (so a gap is never filled twice). */
    int nextAreaNumber() {
        return areas.stream().mapToInt(a -> a.number).max().orElse(0) + 1;
    }

    int nextProblemNumber(UUID areaId) {
        return problemsOf(areaId).stream().mapToInt(p -> p.number).max().orElse(0) + 1;
    }

    int nextTaskNumber(UUID problemId) {
        return tasksOf(problemId).stream().mapToInt(t -> t.number).max().orElse(0) + 1;
    }
}
