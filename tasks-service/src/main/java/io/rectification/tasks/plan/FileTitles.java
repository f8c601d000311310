package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The areas and problems of one breakdown table, by {@link SimilarTitles}' rule applied to the file
 * itself. Rows whose titles are the same ({@link SimilarTitles#key}: １．招商不力, 1.招商不力, 1. 招商不力。)
 * are one area or problem, under the title of its first row, with a warning naming the row it was
 * merged with: the file made two areas and four problems of one area and one problem before, and the
 * counts in the public report with them. Titles that only resemble an earlier one (two characters
 * apart, one containing the other) stay separate, with a warning: the dry run shows them before they
 * are stored, when a near-miss in the ledger can no longer be merged by an import. The same task
 * twice in one problem is an error.
 */
final class FileTitles {

    /** The rows under their areas' and problems' first titles, the repeated tasks, and the warnings. */
    record Result(List<PlanRow> rows, List<FieldError> errors, List<FieldError> warnings) {
    }

    /** An area's or problem's first row: its title as stored, its comparison form, and where it was. */
    private record First(String title, String normal, String where) {
    }

    private final Map<String, First> areas = new LinkedHashMap<>();
    private final Map<String, Map<String, First>> problems = new HashMap<>();
    private final Map<String, String> tasks = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();

    private FileTitles() {
    }

    static Result of(List<PlanRow> rows) {
        FileTitles titles = new FileTitles();
        List<PlanRow> placed = new ArrayList<>(rows.size());
        for (PlanRow row : rows) {
            placed.add(titles.place(row));
        }
        return new Result(placed, titles.errors, titles.warnings);
    }

    private PlanRow place(PlanRow row) {
        String areaKey = SimilarTitles.key(row.area());
        First area = first(areas, areaKey, row.area(), row, PlanColumns.AREA, "area");
        Map<String, First> problemsOfArea = problems.computeIfAbsent(areaKey, key -> new LinkedHashMap<>());
        String problemKey = SimilarTitles.key(row.problem());
        First problem = first(problemsOfArea, problemKey, row.problem(), row, PlanColumns.PROBLEM, "problem");
        String earlier = tasks.putIfAbsent(areaKey + "|" + problemKey + "|" + SimilarTitles.key(row.task().title()), row.where());
        if (earlier != null) {
            errors.add(new FieldError(row.where() + "." + PlanColumns.TITLE, "the same task as " + earlier
                    + " (same 反馈意见方面, 具体问题 and 整改任务)"));
        }
        return row.withTitles(area.title(), problem.title());
    }

    /** The first row with this title's key among {@code seen}; this row's when it is the first, after looking for near-misses. */
    private First first(Map<String, First> seen, String key, String title, PlanRow row, String column, String what) {
        First first = seen.get(key);
        String where = row.where() + "." + column;
        if (first == null) {
            First added = new First(title, SimilarTitles.normal(title), row.where());
            for (First other : seen.values()) {
                if (SimilarTitles.similarNormals(other.normal(), added.normal())) {
                    warnings.add(new FieldError(where, "'" + title + "' resembles the " + what + " '" + other.title() + "' of "
                            + other.where() + " and is imported as another " + what + ": if it is the same, write it as there"));
                    break;
                }
            }
            seen.put(key, added);
            return added;
        }
        if (!first.title().equals(title) && reported.add(column + "|" + first.where() + "|" + title)) {
            warnings.add(new FieldError(where, "'" + title + "' is read as the " + what + " '" + first.title() + "' of "
                    + first.where() + " (the same title but for numbering, blanks, full-width characters or a final 。/；)"));
        }
        return first;
    }
}
