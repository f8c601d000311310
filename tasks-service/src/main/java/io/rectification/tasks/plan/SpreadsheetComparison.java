package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.plan.PlanRevision.Status;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.support.Cancellation;
import io.rectification.tasks.task.RectificationTask;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A breakdown table's rows against the ledger, in memory ({@link PlanLedger}). Rows are keyed by
 * area title, problem title and task title, each compared as {@link SimilarTitles#key} (so a title
 * stored with the clerk's numbering before is still the same title). A row whose task is in the
 * ledger is UNCHANGED or CHANGED (its differing cells in {@code conflicts}); a row whose area or
 * problem title matches none of the ledger's but resembles one, or whose titles match more than one
 * row of the ledger, is a CONFLICT; else ADDED, under the area and problem it matched, if any. What the
 * office cancelled (撤销) matches only when nothing that stands does (the standing row is the one meant), and
 * is then a CONFLICT saying when it was cancelled: a re-import does not bring it back.
 */
final class SpreadsheetComparison {

    /** What became of a row, and the area and problem of the ledger it belongs to (null: new, or none matched). */
    record Placement(Status status, FeedbackArea area, Problem problem) {
    }

    private final PlanLedger ledger;
    private final Map<String, List<FeedbackArea>> areasByKey;
    private final Map<UUID, Map<String, List<Problem>>> problemsByKey = new HashMap<>();
    private final Map<UUID, Map<String, List<RectificationTask>>> tasksByKey = new HashMap<>();
    /** Each title's comparison form, computed once however many rows and ledger rows compare it. */
    private final Map<String, String> normals = new HashMap<>();

    SpreadsheetComparison(PlanLedger ledger) {
        this.ledger = ledger;
        this.areasByKey = byKey(ledger.areas(), area -> area.title);
    }

    Placement compare(PlanRow row, List<FieldError> conflicts) {
        int before = conflicts.size();
        List<FeedbackArea> areas = preferStanding(areasByKey.getOrDefault(SimilarTitles.key(row.area()), List.of()),
                a -> a.cancellation);
        if (areas.isEmpty()) {
            for (FeedbackArea existing : standing(ledger.areas(), a -> a.cancellation)) {
                nearMiss(row, PlanColumns.AREA, row.area(), "area", existing.number, existing.title, existing.id, conflicts);
            }
            return new Placement(addedUnless(conflicts, before), null, null);
        }
        if (areas.size() > 1) {
            return conflict(matchesMany(row, PlanColumns.AREA, row.area(), "areas", areas.stream().map(a -> a.id).toList(), conflicts));
        }
        FeedbackArea area = areas.get(0);
        if (area.cancellation != null) {
            return conflict(cancelled(row, PlanColumns.AREA, "area " + area.number + " (" + area.id + ")",
                    area.cancellation, conflicts));
        }
        List<Problem> problems = preferStanding(problemsByKey.computeIfAbsent(area.id, id -> byKey(ledger.problemsOf(id), p -> p.title))
                .getOrDefault(SimilarTitles.key(row.problem()), List.of()), p -> p.cancellation);
        if (problems.isEmpty()) {
            for (Problem existing : standing(ledger.problemsOf(area.id), p -> p.cancellation)) {
                nearMiss(row, PlanColumns.PROBLEM, row.problem(), "problem", existing.number, existing.title, existing.id, conflicts);
            }
            return new Placement(addedUnless(conflicts, before), area, null);
        }
        if (problems.size() > 1) {
            return conflict(matchesMany(row, PlanColumns.PROBLEM, row.problem(), "problems",
                    problems.stream().map(p -> p.id).toList(), conflicts));
        }
        Problem problem = problems.get(0);
        if (problem.cancellation != null) {
            return conflict(cancelled(row, PlanColumns.PROBLEM, "problem " + area.number + "." + problem.number
                    + " (" + problem.id + ")", problem.cancellation, conflicts));
        }
        List<RectificationTask> tasks = preferStanding(tasksByKey.computeIfAbsent(problem.id, id -> byKey(ledger.tasksOf(id), t -> t.title))
                .getOrDefault(SimilarTitles.key(row.task().title()), List.of()), t -> t.cancellation);
        if (tasks.isEmpty()) {
            return new Placement(Status.ADDED, area, problem);
        }
        if (tasks.size() > 1) {
            return conflict(matchesMany(row, PlanColumns.TITLE, row.task().title(), "tasks",
                    tasks.stream().map(t -> t.id).toList(), conflicts));
        }
        RectificationTask task = tasks.get(0);
        if (task.cancelled()) {
            return conflict(cancelled(row, PlanColumns.TITLE, "task " + area.number + "." + problem.number + "."
                    + task.number + " (" + task.id + ")", task.cancellation, conflicts));
        }
        List<String> changed = PlanComparison.taskChanges(row.task(), task, ledger.indicatorsOf(task.id),
                ledger.milestonesOf(task.id));
        changed.forEach(field -> conflicts.add(new FieldError(row.where() + "." + PlanRowReader.COLUMN_OF.getOrDefault(field, field),
                "differs from task " + task.id + " in the ledger: correct it there (PUT /tasks/" + task.id + ")")));
        return new Placement(changed.isEmpty() ? Status.UNCHANGED : Status.CHANGED, area, problem);
    }

    /** The matches that stand, when any does; else the cancelled ones (a CONFLICT then). */
    private static <T> List<T> preferStanding(List<T> matches, Function<T, Cancellation> cancellation) {
        List<T> standing = standing(matches, cancellation);
        return standing.isEmpty() ? matches : standing;
    }

    private static <T> List<T> standing(List<T> items, Function<T, Cancellation> cancellation) {
        return items.stream().filter(item -> cancellation.apply(item) == null).toList();
    }

    /** A row whose titles match only what the office cancelled (撤销): not brought back, named by row and column. */
    private Status cancelled(PlanRow row, String column, String what, Cancellation cancellation, List<FieldError> conflicts) {
        conflicts.add(new FieldError(row.where() + "." + column, cancellation.planConflict(what, ledger.zone())));
        return Status.CONFLICT;
    }

    private static <T> Map<String, List<T>> byKey(List<T> items, Function<T, String> title) {
        return items.stream().collect(Collectors.groupingBy(item -> SimilarTitles.key(title.apply(item))));
    }

    private static Status addedUnless(List<FieldError> conflicts, int before) {
        return conflicts.size() > before ? Status.CONFLICT : Status.ADDED;
    }

    private static Placement conflict(Status status) {
        return new Placement(status, null, null);
    }

    /** A title the ledger holds more than once at that level: which one is meant? */
    private static Status matchesMany(PlanRow row, String column, String title, String what, List<UUID> ids,
                                      List<FieldError> conflicts) {
        conflicts.add(new FieldError(row.where() + "." + column, "'" + title.strip() + "' matches " + ids.size() + " " + what
                + " of the ledger (" + ids.stream().map(UUID::toString).collect(Collectors.joining(", "))
                + "): give all but one of them another title in the ledger (PUT /" + what + "/{id})"));
        return Status.CONFLICT;
    }

    /** A title that is not the existing one but resembles it: ambiguous, named by row and column. */
    private void nearMiss(PlanRow row, String column, String title, String what, int number, String existingTitle,
                          UUID existingId, List<FieldError> conflicts) {
        if (SimilarTitles.similarNormals(normal(existingTitle), normal(title))) {
            conflicts.add(new FieldError(row.where() + "." + column, "'" + title.strip() + "' is no " + what
                    + " of the ledger, but resembles " + what + " " + number + " '" + existingTitle + "': write its title "
                    + "exactly, or correct the " + what + " (PUT /" + what + "s/" + existingId + ")"));
        }
    }

    private String normal(String title) {
        return normals.computeIfAbsent(title, SimilarTitles::normal);
    }
}
