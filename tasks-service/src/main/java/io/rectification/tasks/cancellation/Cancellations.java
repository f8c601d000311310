package io.rectification.tasks.cancellation;

import io.rectification.platform.error.ApiException;
import io.rectification.tasks.accountability.AccountabilityOutcome;
import io.rectification.tasks.accountability.RecoveredFunds;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.AreaView;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.problem.ProblemView;
import io.rectification.tasks.task.TaskCancellations;
import io.rectification.tasks.task.TaskState;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 撤销 of a problem or an area entered by mistake, with everything under it: the tasks first (each
 * TaskCancelled, in number order), then the problem (ProblemCancelled), then, for an area, the area
 * (AreaCancelled). All or nothing: refused as a whole (409, nothing changed) while anything under it
 * may not go ({@link ProblemRefusal}); a task alone is {@link TaskCancellations}'.
 */
@ApplicationScoped
@Transactional
public class Cancellations {

    private final ProblemService problems;
    private final AreaService areas;
    private final TaskCancellations tasks;

    public Cancellations(ProblemService problems, AreaService areas, TaskCancellations tasks) {
        this.problems = problems;
        this.areas = areas;
        this.tasks = tasks;
    }

    /** POST /problems/{id}/cancellation: 404, 409 cancelled, 412, 409 refused ({@link ProblemRefusal}). */
    public ProblemView cancelProblem(UUID problemId, long expectedVersion, String reason, String canceller) {
        Problem problem = problems.changing(problemId, expectedVersion);
        List<ProblemRefusal> refusals = refusalsOf(List.of(problem));
        if (!refusals.isEmpty()) {
            ProblemRefusal refusal = refusals.get(0);
            throw refusal.addTo(ApiException.conflict("problem " + problemId + " is not cancelled: " + refusal.why()));
        }
        return cancel(problem, reason, canceller);
    }

    /**
     * POST /areas/{id}/cancellation: 404, 409 cancelled, 412, then 409 with {@code problems} naming each
     * problem that may not go and why; otherwise each problem that stands as {@link #cancelProblem} does, in
     * number order, then the area.
     */
    public AreaView cancelArea(UUID areaId, long expectedVersion, String reason, String canceller) {
        FeedbackArea area = areas.changing(areaId, expectedVersion);
        List<Problem> standing = Problem.list("areaId = ?1 and cancellation.at is null", Sort.by("number"), areaId);
        List<ProblemRefusal> refusals = refusalsOf(standing);
        if (!refusals.isEmpty()) {
            throw ApiException.conflict("area " + areaId + " is not cancelled: " + refusals.size()
                            + " of its problems may not be: " + refusals.stream()
                            .map(r -> "problem " + r.number() + " (" + r.why() + ")").collect(Collectors.joining("; ")))
                    .with("problems", refusals);
        }
        standing.forEach(problem -> cancel(problem, reason, canceller));
        return areas.cancel(area, reason, canceller);
    }

    private ProblemView cancel(Problem problem, String reason, String canceller) {
        tasks.cancelTasksOf(problem.id, reason, canceller);
        return problems.cancel(problem, reason, canceller);
    }

    /**
     * Why a problem may not be cancelled, each member a reason (null when it is not one): tasks closed out
     * (their close-out is counted; a look-back reopens a wrong one first), source FEEDBACK (feedback-service
     * follows it and answers the citizen), 举一反三 problems that stand and extend it, accountability records or
     * recovered-funds entries not withdrawn that name it (撤销登记 them first).
     */
    public record ProblemRefusal(UUID problemId, int number, String title, List<ClosedTask> closedTasks,
                                 ProblemSource source, List<UUID> extendedBy, List<UUID> accountabilityRecords) {

        String why() {
            return Stream.of(closedTasks == null ? null : closedTasks.size() + " task(s) closed out (销号), reopened by a"
                                    + " look-back review first if wrong",
                            source == null ? null : "escalated public feedback (source FEEDBACK), which feedback-service"
                                    + " follows and answers",
                            extendedBy == null ? null : "extended by " + extendedBy.size() + " 举一反三 problem(s) that stand",
                            accountabilityRecords == null ? null : "named by " + accountabilityRecords.size()
                                    + " accountability record(s) not withdrawn (撤销登记 them first)")
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
        }

        /** A problem's own refusal carries its reasons as members of the 409 itself. */
        ApiException addTo(ApiException refused) {
            if (closedTasks != null) refused.with("closedTasks", closedTasks);
            if (source != null) refused.with("source", source);
            if (extendedBy != null) refused.with("extendedBy", extendedBy);
            if (accountabilityRecords != null) refused.with("accountabilityRecords", accountabilityRecords);
            return refused;
        }
    }

    /** A closed-out task as a refusal names it. */
    public record ClosedTask(UUID id, int number, String title, TaskState state) {
    }

    /**
     * The refusals of {@code cancelled} (problems about to be cancelled together), in their order, in a fixed
     * number of queries. An ANALOGY problem among them does not hold back the finding it extends.
     */
    private List<ProblemRefusal> refusalsOf(List<Problem> cancelled) {
        if (cancelled.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = cancelled.stream().map(p -> p.id).toList();
        Set<UUID> going = Set.copyOf(ids);
        Map<UUID, List<ClosedTask>> closed = tasks.closedOf(ids).stream().collect(Collectors.groupingBy(
                TaskCancellations.ClosedTask::problemId, LinkedHashMap::new,
                Collectors.mapping(t -> new ClosedTask(t.id(), t.number(), t.title(), t.state()), Collectors.toList())));
        Map<UUID, List<UUID>> extenders = Problem.<Problem>list("extendsProblemId in ?1 and cancellation.at is null",
                        Sort.by("number").and("id"), ids).stream()
                .filter(p -> !going.contains(p.id))
                .collect(Collectors.groupingBy(p -> p.extendsProblemId, Collectors.mapping(p -> p.id, Collectors.toList())));
        Map<UUID, List<UUID>> records = namingRecords(ids);
        List<ProblemRefusal> refusals = new ArrayList<>();
        for (Problem problem : cancelled) {
            ProblemRefusal refusal = new ProblemRefusal(problem.id, problem.number, problem.title,
                    closed.get(problem.id), problem.source == ProblemSource.FEEDBACK ? problem.source : null,
                    extenders.get(problem.id), records.get(problem.id));
            if (!refusal.why().isEmpty()) {
                refusals.add(refusal);
            }
        }
        return refusals;
    }

    /** The accountability outcomes and recovered-funds entries not withdrawn that name each of {@code problemIds}. */
    private static Map<UUID, List<UUID>> namingRecords(Collection<UUID> problemIds) {
        Map<UUID, List<UUID>> records = new LinkedHashMap<>();
        Stream.concat(
                        AccountabilityOutcome.<AccountabilityOutcome>list("problemId in ?1 and withdrawal.at is null",
                                Sort.by("createdAt").and("id"), List.copyOf(problemIds)).stream().map(r -> Map.entry(r.problemId, r.id)),
                        RecoveredFunds.<RecoveredFunds>list("problemId in ?1 and withdrawal.at is null",
                                Sort.by("createdAt").and("id"), List.copyOf(problemIds)).stream().map(r -> Map.entry(r.problemId, r.id)))
                .forEach(e -> records.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return records;
    }
}
