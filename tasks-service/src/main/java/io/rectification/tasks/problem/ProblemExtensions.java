package io.rectification.tasks.problem;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.tasks.rollup.ProgressRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 举一反三 as the office follows it: an inspection finding extended to other units is one piece of
 * work, so the finding shows its extensions and every unit's tasks rolled up together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProblemExtensions {

    private final ProgressRollup rollup;

    public ProblemExtensions(ProgressRollup rollup) {
        this.rollup = rollup;
    }

    public ProblemExtensionsView of(UUID problemId) {
        Problem.<Problem>findByIdOptional(problemId).orElseThrow(() -> ApiException.notFound("problem", problemId));
        // the 举一反三 problems that stand: one cancelled (撤销) extends nothing
        List<Problem> extensions = Problem.list("extendsProblemId = ?1 and cancellation.at is null", Sort.by("createdAt").and("id"),
                problemId);
        List<UUID> ids = extensions.stream().map(problem -> problem.id).toList();
        Map<UUID, Integer> percents = rollup.percentOfProblems(ids);
        Map<UUID, Integer> counts = rollup.taskCountOfProblems(ids);
        List<UUID> all = new ArrayList<>(ids);
        all.add(problemId);
        List<ProgressRollup.UnitProgress> units = rollup.byUnit(all);
        int taskCount = units.stream().mapToInt(ProgressRollup.UnitProgress::taskCount).sum();
        double percentSum = units.stream().mapToDouble(unit -> unit.percentComplete() * unit.taskCount()).sum();
        return new ProblemExtensionsView(problemId, taskCount, taskCount == 0 ? 0 : (int) Math.round(percentSum / taskCount),
                extensions.stream().map(problem -> new ProblemExtensionsView.Extension(problem.id, problem.areaId,
                        problem.number, problem.title, counts.get(problem.id), percents.get(problem.id))).toList(),
                units.stream().map(unit -> new ProblemExtensionsView.Unit(unit.responsibleUnit(), unit.taskCount(),
                        unit.closedOut(), (int) Math.round(unit.percentComplete()))).toList());
    }
}
