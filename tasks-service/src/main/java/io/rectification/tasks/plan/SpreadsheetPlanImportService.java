package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.area.AreaInput;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemInput;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.MilestoneInput;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.ReportingCadence;
import io.rectification.tasks.task.TaskInput;
import io.rectification.tasks.task.TaskKind;
import io.rectification.tasks.task.TaskRules;
import io.rectification.tasks.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports the task breakdown table (CSV or XLSX) into an inspection: rows are grouped into areas and
 * problems by their titles (reusing those that exist), tasks already in the ledger are recognised by
 * their title within the problem, every bad row is reported by its line number and column, and
 * nothing is stored unless every row is good.
 */
@ApplicationScoped
@Transactional
public class SpreadsheetPlanImportService {

    static final int MAX_ROWS = 2000;
    private static final Pattern INDICATOR_PROPERTY = Pattern.compile("indicators\\[(\\d+)]\\.(\\w+)");
    private static final Pattern MILESTONE_PROPERTY = Pattern.compile("milestones\\[(\\d+)]\\.\\w+");
    /** The spreadsheet column of each property of a task. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("title", PlanColumns.TITLE),
            Map.entry("measures", PlanColumns.MEASURES), Map.entry("progressNarrative", PlanColumns.NARRATIVE),
            Map.entry("leadOfficial", PlanColumns.LEAD_OFFICIAL), Map.entry("responsiblePerson", PlanColumns.RESPONSIBLE_PERSON),
            Map.entry("responsibleUnit", PlanColumns.RESPONSIBLE_UNIT), Map.entry("deadline", PlanColumns.DEADLINE),
            Map.entry("kind", PlanColumns.KIND), Map.entry("reportingCadence", PlanColumns.CADENCE),
            Map.entry("milestones", PlanColumns.MILESTONES), Map.entry("indicators", PlanColumns.INDICATOR_NAME));

    private final Validator validator;
    private final AreaService areas;
    private final ProblemService problems;
    private final TaskService tasks;
    private final ImportParts parts;

    public SpreadsheetPlanImportService(Validator validator, AreaService areas, ProblemService problems, TaskService tasks,
                                        ImportParts parts) {
        this.validator = validator;
        this.areas = areas;
        this.problems = problems;
        this.tasks = tasks;
        this.parts = parts;
    }

    public SpreadsheetImportResult importCsv(UUID inspectionId, String csv, boolean dryRun) {
        requireInspection(inspectionId);
        return importRows(inspectionId, CsvPlanReader.read(csv), dryRun);
    }

    public SpreadsheetImportResult importXlsx(UUID inspectionId, byte[] xlsx, boolean dryRun) {
        requireInspection(inspectionId);
        return importRows(inspectionId, XlsxPlanReader.read(xlsx), dryRun);
    }

    private static Inspection requireInspection(UUID inspectionId) {
        return Inspection.<Inspection>findByIdOptional(inspectionId)
                .orElseThrow(() -> ApiException.notFound("inspection", inspectionId));
    }

    /**
     * Rows are keyed by area title, problem title and task title. A row whose task is already in the
     * ledger is UNCHANGED (never stored twice) or CHANGED (refused, naming its columns); a row whose
     * area or problem title resembles one of the ledger without being it, or whose titles match more
     * than one row of the ledger, is a CONFLICT (refused); the same task twice in one sheet is refused.
     * Only ADDED rows are stored, and only when none is refused.
     */
    private SpreadsheetImportResult importRows(UUID inspectionId, PlanTable table, boolean dryRun) {
        Inspection inspection = requireInspection(inspectionId);
        List<Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        check(table, inspection.onSiteFrom, rows, errors);
        errors.addAll(repeatedTasks(rows));
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Invalid plan", errors.size() + " problem(s) in the spreadsheet; nothing was stored",
                    errors);
        }
        List<FieldError> conflicts = new ArrayList<>();
        List<SpreadsheetImportResult.RowOutcome> outcome = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        for (Row row : rows) {
            PlanRevision.Status status = compare(inspectionId, row, conflicts);
            outcome.add(new SpreadsheetImportResult.RowOutcome(row.where(), row.area().strip(),
                    row.problem().strip(), row.task().title().strip(), status));
            if (status == PlanRevision.Status.ADDED) {
                added.add(row);
            }
        }
        if (!conflicts.isEmpty() && !dryRun) {
            throw new ApiException(409, "Plan conflicts with the ledger", conflicts.size()
                    + " cell(s) of the spreadsheet differ from the ledger or are ambiguous; nothing was stored "
                    + "(?dryRun=true shows every row)", conflicts);
        }
        List<UUID> taskIds = new ArrayList<>();
        if (!dryRun) {
            Map<String, FeedbackArea> areaByTitle = new LinkedHashMap<>();
            Map<String, Problem> problemByTitle = new LinkedHashMap<>();
            for (Row row : added) {
                FeedbackArea area = areaByTitle.computeIfAbsent(row.area(), title -> existingArea(inspectionId, title));
                Problem problem = problemByTitle.computeIfAbsent(area.id + "|" + row.problem(),
                        key -> existingProblem(area, row.problem()));
                taskIds.add(tasks.createCheckedTask(problem, row.task()).id());
                if (taskIds.size() % ImportParts.TASKS_PER_PART == 0) {
                    // the part is written and its entities forgotten (ImportParts): the areas and
                    // problems kept here are detached now, so they are looked up again
                    parts.endPart();
                    areaByTitle.clear();
                    problemByTitle.clear();
                }
            }
        }
        long changed = outcome.stream().filter(line -> line.status() == PlanRevision.Status.CHANGED).count();
        long unchanged = outcome.stream().filter(line -> line.status() == PlanRevision.Status.UNCHANGED).count();
        long conflicting = outcome.stream().filter(line -> line.status() == PlanRevision.Status.CONFLICT).count();
        // a dry run answers what an import would refuse instead of refusing
        return new SpreadsheetImportResult(inspectionId, dryRun, taskIds.size(), taskIds, added.size(), changed, unchanged,
                conflicting, outcome, conflicts);
    }

    /** The same area, problem and task title in two rows of one sheet: which one is meant? */
    private static List<FieldError> repeatedTasks(List<Row> rows) {
        Map<String, String> first = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Row row : rows) {
            String key = row.area().strip() + "|" + row.problem().strip() + "|" + row.task().title().strip();
            String earlier = first.putIfAbsent(key, row.where());
            if (earlier != null) {
                errors.add(new FieldError(row.where() + "." + PlanColumns.TITLE, "the same task as " + earlier
                        + " (same 反馈意见方面, 具体问题 and 整改任务)"));
            }
        }
        return errors;
    }

    /**
     * The row against the ledger. A title that matches no area (problem) but resembles one, or matches
     * more than one area, problem or task, cannot be matched with one row of the ledger: CONFLICT, with
     * its reason in {@code conflicts}, so a dry run answers what the import refuses.
     */
    private static PlanRevision.Status compare(UUID inspectionId, Row row, List<FieldError> conflicts) {
        int before = conflicts.size();
        List<FeedbackArea> areas = FeedbackArea.list("inspectionId = ?1 and title = ?2", inspectionId, row.area().strip());
        if (areas.isEmpty()) {
            for (FeedbackArea existing : FeedbackArea.<FeedbackArea>list("inspectionId", inspectionId)) {
                nearMiss(row, PlanColumns.AREA, row.area(), "area", existing.number, existing.title, existing.id, conflicts);
            }
            return addedUnless(conflicts, before);
        }
        if (areas.size() > 1) {
            return matchesMany(row, PlanColumns.AREA, row.area(), "areas", areas.stream().map(a -> a.id).toList(), conflicts);
        }
        FeedbackArea area = areas.get(0);
        List<Problem> problems = Problem.list("areaId = ?1 and title = ?2", area.id, row.problem().strip());
        if (problems.isEmpty()) {
            for (Problem existing : Problem.<Problem>list("areaId", area.id)) {
                nearMiss(row, PlanColumns.PROBLEM, row.problem(), "problem", existing.number, existing.title, existing.id, conflicts);
            }
            return addedUnless(conflicts, before);
        }
        if (problems.size() > 1) {
            return matchesMany(row, PlanColumns.PROBLEM, row.problem(), "problems", problems.stream().map(p -> p.id).toList(),
                    conflicts);
        }
        Problem problem = problems.get(0);
        List<RectificationTask> tasks = RectificationTask.list("problemId = ?1 and title = ?2", problem.id,
                row.task().title().strip());
        if (tasks.isEmpty()) {
            return PlanRevision.Status.ADDED;
        }
        if (tasks.size() > 1) {
            return matchesMany(row, PlanColumns.TITLE, row.task().title(), "tasks", tasks.stream().map(t -> t.id).toList(),
                    conflicts);
        }
        RectificationTask task = tasks.get(0);
        List<String> changed = PlanComparison.taskChanges(row.task(), task);
        changed.forEach(field -> conflicts.add(new FieldError(row.where() + "." + COLUMN_OF.getOrDefault(field, field),
                "differs from task " + task.id + " in the ledger: correct it there (PUT /tasks/" + task.id + ")")));
        return changed.isEmpty() ? PlanRevision.Status.UNCHANGED : PlanRevision.Status.CHANGED;
    }

    private static PlanRevision.Status addedUnless(List<FieldError> conflicts, int before) {
        return conflicts.size() > before ? PlanRevision.Status.CONFLICT : PlanRevision.Status.ADDED;
    }

    /** A title the ledger holds more than once at that level: which one is meant? */
    private static PlanRevision.Status matchesMany(Row row, String column, String title, String what, List<UUID> ids,
                                                   List<FieldError> conflicts) {
        conflicts.add(new FieldError(row.where() + "." + column, "'" + title.strip() + "' matches " + ids.size() + " " + what
                + " of the ledger (" + ids.stream().map(UUID::toString).collect(Collectors.joining(", "))
                + "): give all but one of them another title in the ledger (PUT /" + what + "/{id})"));
        return PlanRevision.Status.CONFLICT;
    }

    /** A title that is not the existing one but resembles it: ambiguous, named by row and column. */
    private static void nearMiss(Row row, String column, String title, String what, int number, String existingTitle,
                                 UUID existingId, List<FieldError> conflicts) {
        if (SimilarTitles.similar(existingTitle, title)) {
            conflicts.add(new FieldError(row.where() + "." + column, "'" + title.strip() + "' is no " + what
                    + " of the ledger, but resembles " + what + " " + number + " '" + existingTitle + "': write its title "
                    + "exactly, or correct the " + what + " (PUT /" + what + "s/" + existingId + ")"));
        }
    }

    private FeedbackArea existingArea(UUID inspectionId, String title) {
        return FeedbackArea.<FeedbackArea>find("inspectionId = ?1 and title = ?2", inspectionId, title.strip())
                .firstResultOptional()
                .orElseGet(() -> areas.requireEntity(areas.registerArea(inspectionId, new AreaInput(title)).id()));
    }

    private Problem existingProblem(FeedbackArea area, String title) {
        return Problem.<Problem>find("areaId = ?1 and title = ?2", area.id, title.strip()).firstResultOptional()
                .orElseGet(() -> problems.requireEntity(problems.registerProblem(area, new ProblemInput(title, null),
                        ProblemSource.PLAN, null).id()));
    }

    record Row(String where, String area, String problem, TaskInput task) {
    }

    private void check(PlanTable table, LocalDate onSiteFrom, List<Row> rows, List<FieldError> errors) {
        List<String> missing = PlanColumns.REQUIRED.stream().filter(column -> !table.headers().contains(column)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("header", "missing column(s) " + String.join(", ", missing)
                    + "; use the template at /plans/template.csv or /plans/template.xlsx"));
            return;
        }
        if (table.rows().size() > MAX_ROWS) {
            errors.add(new FieldError(FieldError.BODY, "more than " + MAX_ROWS + " rows; split the plan"));
            return;
        }
        for (PlanTable.Row row : table.rows()) {
            String where = "row " + row.line();
            if (row.cellCount() != table.headers().size()) {
                errors.add(new FieldError(where, "has " + row.cellCount() + " cells; the header has " + table.headers().size()));
                continue;
            }
            parseRow(row.cells(), where, onSiteFrom, rows, errors);
        }
    }

    private void parseRow(Map<String, String> record, String where, LocalDate onSiteFrom, List<Row> rows, List<FieldError> errors) {
        int before = errors.size();
        String area = required(record, PlanColumns.AREA, where, 500, errors);
        String problem = required(record, PlanColumns.PROBLEM, where, 500, errors);
        LocalDate deadline = date(cell(record, PlanColumns.DEADLINE), where + "." + PlanColumns.DEADLINE, errors);
        TaskKind kind = PlanChoices.KIND.read(cell(record, PlanColumns.KIND), where + "." + PlanColumns.KIND, errors);
        ReportingCadence cadence = PlanChoices.CADENCE.read(cell(record, PlanColumns.CADENCE),
                where + "." + PlanColumns.CADENCE, errors);
        List<MilestoneInput> milestones = milestones(cell(record, PlanColumns.MILESTONES),
                where + "." + PlanColumns.MILESTONES, errors);
        List<IndicatorInput> indicators = PlanIndicatorCells.read(record, where, errors);
        TaskInput task = new TaskInput(cell(record, PlanColumns.TITLE), cell(record, PlanColumns.MEASURES),
                cell(record, PlanColumns.NARRATIVE), cell(record, PlanColumns.LEAD_OFFICIAL),
                cell(record, PlanColumns.RESPONSIBLE_PERSON), cell(record, PlanColumns.RESPONSIBLE_UNIT),
                deadline, kind, cadence, null, indicators, milestones);
        if (errors.size() == before) {
            for (ConstraintViolation<TaskInput> violation : validator.validate(task)) {
                String property = violation.getPropertyPath().toString();
                errors.add(located(where, property, violation.getMessage(), task));
            }
            for (FieldError rule : TaskRules.check(task, onSiteFrom, "")) {
                errors.add(located(where, rule.field(), rule.message(), task));
            }
        }
        if (errors.size() == before) {
            rows.add(new Row(where, area, problem, task));
        }
    }

    /**
     * Names the spreadsheet column a property of the task belongs to; an indicator's property
     * ({@code indicators[1].baseline}) is named by its column and, when the row has several, its place;
     * a stage goal's ({@code milestones[1].dueDate}) by its place and title, as one cell holds them all.
     */
    private static FieldError located(String where, String property, String message, TaskInput task) {
        Matcher indicator = INDICATOR_PROPERTY.matcher(property);
        if (indicator.matches()) {
            String which = task.indicatorsOrEmpty().size() > 1 ? "indicator " + (Integer.parseInt(indicator.group(1)) + 1) + ": " : "";
            return new FieldError(where + "." + PlanIndicatorCells.column(indicator.group(2)), which + message);
        }
        Matcher milestone = MILESTONE_PROPERTY.matcher(property);
        if (milestone.matches()) {
            int index = Integer.parseInt(milestone.group(1));
            return new FieldError(where + "." + PlanColumns.MILESTONES, "stage goal " + (index + 1) + " '"
                    + task.milestonesOrEmpty().get(index).title() + "': " + message);
        }
        String column = COLUMN_OF.getOrDefault(property.replaceAll("[\\[.].*", ""), property);
        return new FieldError(where + "." + column, message);
    }

    private static String cell(Map<String, String> record, String column) {
        return OptionalText.of(record.get(column));
    }

    private static String required(Map<String, String> record, String column, String where, int max, List<FieldError> errors) {
        String value = cell(record, column);
        if (value == null) {
            errors.add(new FieldError(where + "." + column, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(new FieldError(where + "." + column, "size must be between 1 and " + max));
        }
        return value;
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** "title@2024-12-31; title@2025-06-30". */
    private static List<MilestoneInput> milestones(String value, String field, List<FieldError> errors) {
        List<MilestoneInput> milestones = new ArrayList<>();
        if (value == null) {
            return milestones;
        }
        for (String part : value.split("[;；]")) {
            if (part.isBlank()) {
                continue;
            }
            int at = part.lastIndexOf('@');
            if (at < 0) {
                errors.add(new FieldError(field, "'" + part.strip() + "' is not title@YYYY-MM-DD"));
                continue;
            }
            LocalDate due = date(part.substring(at + 1).strip(), field, errors);
            milestones.add(new MilestoneInput(part.substring(0, at).strip(), due));
        }
        return milestones;
    }
}
