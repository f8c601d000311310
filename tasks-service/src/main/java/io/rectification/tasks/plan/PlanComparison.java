package io.rectification.tasks.plan;

import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.inspection.InspectionInput;
import io.rectification.tasks.plan.PlanRevision.Row;
import io.rectification.tasks.plan.PlanRevision.Status;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskInput;

import io.rectification.tasks.support.Cancellation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a plan with the ledger of an existing inspection by stable keys (area number, problem
 * number within the area, task number within the problem). A problem of another source (self-found,
 * look-back, public feedback) holding a number the plan uses is a CONFLICT (its differing columns
 * include {@code source}): the plan cannot take its place. A row of the ledger the office cancelled (撤销)
 * holds its key still: a plan row of that key is a CONFLICT saying when it was cancelled (a re-import does
 * not bring it back), and, absent from the plan, it is not REMOVED but left out of the comparison.
 */
final class PlanComparison {

    private PlanComparison() {
    }

    static List<Row> compare(Inspection inspection, PlanInput plan, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        List<String> inspectionChanges = inspectionChanges(inspection, plan.inspection());
        rows.add(new Row("inspection", "inspection", inspectionChanges.isEmpty() ? Status.UNCHANGED : Status.CHANGED,
                inspectionChanges, inspection.id));
        PlanLedger ledger = PlanLedger.of(inspection.id, zone);
        Map<Integer, FeedbackArea> areas = byNumber(ledger.areas(), a -> a.number);
        for (int a = 0; a < plan.areas().size(); a++) {
            PlanInput.AreaPlan areaPlan = plan.areas().get(a);
            FeedbackArea area = areas.remove(a + 1);
            String areaRow = "areas[" + a + "]";
            rows.add(area != null && area.cancellation != null
                    ? cancelled(areaRow, key(a + 1), area.id, "area", area.cancellation, ledger)
                    : row(areaRow, key(a + 1), area == null ? null : area.id,
                    area == null ? null : differences(title(areaPlan.title(), area.title))));
            Map<Integer, Problem> problems = area == null ? new java.util.TreeMap<>()
                    : byNumber(ledger.problemsOf(area.id), p -> p.number);
            for (int p = 0; p < areaPlan.problems().size(); p++) {
                PlanInput.ProblemPlan problemPlan = areaPlan.problems().get(p);
                Problem problem = problems.remove(p + 1);
                String problemRow = areaRow + ".problems[" + p + "]";
                List<String> problemChanges = problem == null ? null
                        : differences(title(problemPlan.title(), problem.title),
                        field("description", problemPlan.description(), problem.description),
                        field("source", ProblemSource.PLAN, problem.source));
                rows.add(problem != null && problem.cancellation != null
                        ? cancelled(problemRow, key(a + 1, p + 1), problem.id, "problem", problem.cancellation, ledger)
                        : problem != null && problem.source != ProblemSource.PLAN
                        ? new Row(problemRow, key(a + 1, p + 1), Status.CONFLICT, problemChanges, problem.id,
                                "number " + key(a + 1, p + 1) + " is held by a problem of source " + problem.source
                                        + " (" + problem.id + "), not one of the plan's: the plan's problem cannot take its place")
                        : row(problemRow, key(a + 1, p + 1), problem == null ? null : problem.id, problemChanges));
                Map<Integer, RectificationTask> tasks = problem == null ? new java.util.TreeMap<>()
                        : byNumber(ledger.tasksOf(problem.id), t -> t.number);
                for (int t = 0; t < problemPlan.tasksOrEmpty().size(); t++) {
                    RectificationTask task = tasks.remove(t + 1);
                    String taskRow = problemRow + ".tasks[" + t + "]";
                    rows.add(task != null && task.cancelled()
                            ? cancelled(taskRow, key(a + 1, p + 1, t + 1), task.id, "task", task.cancellation, ledger)
                            : row(taskRow, key(a + 1, p + 1, t + 1), task == null ? null : task.id,
                            task == null ? null : taskChanges(problemPlan.tasksOrEmpty().get(t), task,
                                    ledger.indicatorsOf(task.id), ledger.milestonesOf(task.id))));
                }
                for (RectificationTask task : standing(tasks.values(), t -> t.cancellation)) {
                    rows.add(removed(problemRow + ".tasks[" + (task.number - 1) + "]", key(a + 1, p + 1, task.number), task.id));
                }
            }
            for (Problem problem : standing(problems.values(), p -> p.cancellation)) {
                if (problem.source == ProblemSource.PLAN) {
                    removedProblem(rows, areaRow + ".problems[" + (problem.number - 1) + "]", key(a + 1, problem.number), problem,
                            ledger);
                }
            }
        }
        for (FeedbackArea area : standing(areas.values(), a -> a.cancellation)) {
            List<Problem> findings = standing(ledger.problemsOf(area.id), p -> p.cancellation).stream()
                    .filter(problem -> problem.source == ProblemSource.PLAN).toList();
            if (findings.isEmpty() && !ledger.problemsOf(area.id).isEmpty()) {
                continue; // an area of other sources only (public feedback without an area): not the plan's
            }
            String areaRow = "areas[" + (area.number - 1) + "]";
            rows.add(removed(areaRow, key(area.number), area.id));
            findings.forEach(problem -> removedProblem(rows, areaRow + ".problems[" + (problem.number - 1) + "]",
                    key(area.number, problem.number), problem, ledger));
        }
        return rows;
    }

    /** A plan for an inspection not yet in the ledger: every row would be added. */
    static List<Row> allAdded(PlanInput plan) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("inspection", "inspection", Status.ADDED, List.of(), null));
        for (int a = 0; a < plan.areas().size(); a++) {
            rows.add(new Row("areas[" + a + "]", key(a + 1), Status.ADDED, List.of(), null));
            List<PlanInput.ProblemPlan> problems = plan.areas().get(a).problems();
            for (int p = 0; p < problems.size(); p++) {
                String problemRow = "areas[" + a + "].problems[" + p + "]";
                rows.add(new Row(problemRow, key(a + 1, p + 1), Status.ADDED, List.of(), null));
                for (int t = 0; t < problems.get(p).tasksOrEmpty().size(); t++) {
                    rows.add(new Row(problemRow + ".tasks[" + t + "]", key(a + 1, p + 1, t + 1), Status.ADDED, List.of(), null));
                }
            }
        }
        return rows;
    }

    private static void removedProblem(List<Row> rows, String row, String key, Problem problem, PlanLedger ledger) {
        rows.add(removed(row, key, problem.id));
        standing(ledger.tasksOf(problem.id), t -> t.cancellation).forEach(task ->
                rows.add(removed(row + ".tasks[" + (task.number - 1) + "]", key + "." + task.number, task.id)));
    }

    private static List<String> inspectionChanges(Inspection inspection, InspectionInput input) {
        return differences(field("title", input.title(), inspection.title),
                field("kind", input.kind(), inspection.kind),
                field("feedbackDate", input.feedbackDate(), inspection.feedbackDate),
                field("declaredAreas", input.declaredAreas(), inspection.declaredAreas),
                field("declaredProblems", input.declaredProblems(), inspection.declaredProblems),
                field("declaredTasks", input.declaredTasks(), inspection.declaredTasks));
    }

    /** The columns of a task that differ between the plan and the ledger (which holds its indicators and stage goals). */
    static List<String> taskChanges(TaskInput input, RectificationTask task, int indicators, int milestones) {
        return differences(title(input.title(), task.title),
                field("measures", input.measures(), task.measures),
                field("progressNarrative", input.progressNarrative(), task.progressNarrative),
                field("leadOfficial", input.leadOfficial(), task.leadOfficial),
                field("responsiblePerson", input.responsiblePerson(), task.responsiblePerson),
                field("responsibleUnit", input.responsibleUnit(), task.responsibleUnit),
                field("deadline", input.deadline(), task.deadline),
                field("kind", input.kind(), task.kind),
                field("reportingCadence", input.reportingCadence(), task.reportingCadence),
                field("indicators", input.indicatorsOrEmpty().size(), indicators),
                field("milestones", input.milestonesOrEmpty().size(), milestones));
    }

    /**
     * "title" when the titles are not the same title ({@link SimilarTitles#key}): one stored with the
     * clerk's numbering before it was removed on import is the plan's title still.
     */
    private static String title(String planned, String stored) {
        return SimilarTitles.key(planned).equals(SimilarTitles.key(stored)) ? null : "title";
    }

    /** A column's name when the plan's value differs from the ledger's (text compared without outer blanks). */
    private static String field(String name, Object planned, Object stored) {
        return Objects.equals(normal(planned), normal(stored)) ? null : name;
    }

    private static Object normal(Object value) {
        if (value instanceof String text) {
            return OptionalText.of(text);
        }
        return value;
    }

    private static List<String> differences(String... fields) {
        return java.util.Arrays.stream(fields).filter(Objects::nonNull).toList();
    }

    private static Row row(String row, String key, UUID id, List<String> changes) {
        if (id == null) {
            return new Row(row, key, Status.ADDED, List.of(), null);
        }
        return new Row(row, key, changes.isEmpty() ? Status.UNCHANGED : Status.CHANGED, changes, id);
    }

    /** A plan row whose key a cancelled (撤销) {@code what} holds: a CONFLICT saying so, on which day. */
    private static Row cancelled(String row, String key, UUID id, String what, Cancellation cancellation, PlanLedger ledger) {
        return new Row(row, key, Status.CONFLICT, List.of(), id,
                cancellation.planConflict(what + " " + key + " (" + id + ")", ledger.zone()));
    }

    /** Those of {@code items} that stand: what was cancelled is not REMOVED from a plan that leaves it out. */
    private static <T> List<T> standing(java.util.Collection<T> items, Function<T, Cancellation> cancellation) {
        return items.stream().filter(item -> cancellation.apply(item) == null).toList();
    }

    private static Row removed(String row, String key, UUID id) {
        return new Row(row, key, Status.REMOVED, List.of(), id);
    }

    /** 1 (area), 1.2 (its problem 2), 1.2.3 (that problem's task 3). */
    private static String key(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(String::valueOf).collect(Collectors.joining("."));
    }

    private static <T> Map<Integer, T> byNumber(List<T> items, Function<T, Integer> number) {
        return items.stream().collect(Collectors.toMap(number, Function.identity(), (x, y) -> x, java.util.TreeMap::new));
    }
}
