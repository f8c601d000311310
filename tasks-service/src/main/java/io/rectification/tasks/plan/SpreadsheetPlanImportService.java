package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.area.AreaInput;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemInput;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.TaskService;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Imports the task breakdown table (CSV or XLSX) into an inspection: rows are read
 * ({@link PlanRowReader}), grouped into areas and problems by their titles ({@link FileTitles}),
 * compared with the ledger in memory ({@link SpreadsheetComparison}), every bad row is reported by
 * its line number and column, and nothing is stored unless every row is good. The new areas,
 * problems and tasks are stored level by level, in batches, as {@code POST /plans} stores them.
 */
@ApplicationScoped
@Transactional
public class SpreadsheetPlanImportService {

    private final Validator validator;
    private final AreaService areas;
    private final ProblemService problems;
    private final TaskService tasks;
    private final ImportParts parts;
    private final Clock clock;

    public SpreadsheetPlanImportService(Validator validator, AreaService areas, ProblemService problems, TaskService tasks,
                                        ImportParts parts, Clock clock) {
        this.clock = clock;
        this.validator = validator;
        this.areas = areas;
        this.problems = problems;
        this.tasks = tasks;
        this.parts = parts;
    }

    public SpreadsheetImportResult importCsv(UUID inspectionId, byte[] csv, boolean dryRun) {
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
     * A row whose task is already in the ledger is UNCHANGED (never stored twice) or CHANGED (refused,
     * naming its columns); an ambiguous row (SpreadsheetComparison) is a CONFLICT (refused); the same task
     * twice in one sheet is refused. Only ADDED rows are stored, and only when none is refused.
     */
    private SpreadsheetImportResult importRows(UUID inspectionId, PlanTable table, boolean dryRun) {
        Inspection inspection = requireInspection(inspectionId);
        PlanRowReader.Rows read = PlanRowReader.read(table, inspection.onSiteFrom, validator);
        FileTitles.Result grouped = FileTitles.of(read.rows());
        List<FieldError> errors = new ArrayList<>(read.errors());
        errors.addAll(grouped.errors());
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Invalid plan", errors.size() + " problem(s) in the spreadsheet; nothing was stored",
                    errors);
        }
        List<PlanRow> rows = grouped.rows();
        PlanLedger ledger = PlanLedger.of(inspectionId, clock.getZone());
        SpreadsheetComparison comparison = new SpreadsheetComparison(ledger);
        List<FieldError> conflicts = new ArrayList<>();
        List<SpreadsheetImportResult.RowOutcome> outcome = new ArrayList<>();
        List<PlanRow> added = new ArrayList<>();
        List<SpreadsheetComparison.Placement> placements = new ArrayList<>();
        for (PlanRow row : rows) {
            SpreadsheetComparison.Placement placement = comparison.compare(row, conflicts);
            outcome.add(new SpreadsheetImportResult.RowOutcome(row.where(), row.area(), row.problem(), row.task().title(),
                    placement.status()));
            if (placement.status() == PlanRevision.Status.ADDED) {
                added.add(row);
                placements.add(placement);
            }
        }
        if (!conflicts.isEmpty() && !dryRun) {
            throw new ApiException(409, "Plan conflicts with the ledger", conflicts.size()
                    + " cell(s) of the spreadsheet differ from the ledger or are ambiguous; nothing was stored "
                    + "(?dryRun=true shows every row)", conflicts);
        }
        List<FieldError> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(grouped.warnings());
        warnings.addAll(UnitNames.warnings(added, UnitNames.inLedger()));
        warnings.sort(Comparator.comparingLong(SpreadsheetPlanImportService::lineOf));
        List<UUID> taskIds = dryRun ? List.of() : store(inspectionId, ledger, added, placements);
        long changed = outcome.stream().filter(line -> line.status() == PlanRevision.Status.CHANGED).count();
        long unchanged = outcome.stream().filter(line -> line.status() == PlanRevision.Status.UNCHANGED).count();
        long conflicting = outcome.stream().filter(line -> line.status() == PlanRevision.Status.CONFLICT).count();
        // a dry run answers what an import would refuse instead of refusing
        return new SpreadsheetImportResult(inspectionId, dryRun, taskIds.size(), taskIds, added.size(), changed, unchanged,
                conflicting, outcome, conflicts, warnings);
    }

    /** "row 12.责任单位" → 12; a warning of the whole file (body) comes first. */
    private static long lineOf(FieldError warning) {
        String field = warning.field();
        if (!field.startsWith("row ")) {
            return 0;
        }
        int end = field.indexOf('.');
        return Long.parseLong(field.substring(4, end < 0 ? field.length() : end));
    }

    /**
     * Stores the added rows level by level: the new areas (numbered after the ledger's, in the order
     * the table names them), then the new problems of each area, then the tasks, numbered next in
     * their problems and created in parts ({@link ImportParts}); each level in a fixed number of
     * statements. Answers the new tasks' ids in the table's order.
     */
    private List<UUID> store(UUID inspectionId, PlanLedger ledger, List<PlanRow> added,
                             List<SpreadsheetComparison.Placement> placements) {
        Map<String, AreaService.NewArea> newAreas = new LinkedHashMap<>();
        int areaNumber = ledger.nextAreaNumber();
        for (int i = 0; i < added.size(); i++) {
            if (placements.get(i).area() == null && !newAreas.containsKey(SimilarTitles.key(added.get(i).area()))) {
                newAreas.put(SimilarTitles.key(added.get(i).area()),
                        new AreaService.NewArea(areaNumber++, new AreaInput(added.get(i).area())));
            }
        }
        Map<String, FeedbackArea> areaByKey = new HashMap<>();
        List<FeedbackArea> createdAreas = areas.registerAreas(inspectionId, List.copyOf(newAreas.values()));
        List<String> areaKeys = List.copyOf(newAreas.keySet());
        for (int i = 0; i < createdAreas.size(); i++) {
            areaByKey.put(areaKeys.get(i), createdAreas.get(i));
        }

        Map<String, ProblemService.NewProblem> newProblems = new LinkedHashMap<>();
        Map<UUID, Integer> problemNumbers = new HashMap<>();
        List<FeedbackArea> areaOf = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            PlanRow row = added.get(i);
            FeedbackArea area = placements.get(i).area() != null ? placements.get(i).area() : areaByKey.get(SimilarTitles.key(row.area()));
            areaOf.add(area);
            String problemKey = area.id + "|" + SimilarTitles.key(row.problem());
            if (placements.get(i).problem() == null && !newProblems.containsKey(problemKey)) {
                int number = next(problemNumbers, area.id, () -> ledger.nextProblemNumber(area.id));
                newProblems.put(problemKey, new ProblemService.NewProblem(area, number, new ProblemInput(row.problem(), null),
                        ProblemSource.PLAN, null));
            }
        }
        Map<String, Problem> problemByKey = new HashMap<>();
        List<Problem> createdProblems = problems.registerProblems(List.copyOf(newProblems.values()));
        List<String> problemKeys = List.copyOf(newProblems.keySet());
        for (int i = 0; i < createdProblems.size(); i++) {
            problemByKey.put(problemKeys.get(i), createdProblems.get(i));
        }

        List<TaskService.NewTask> newTasks = new ArrayList<>();
        Map<UUID, Integer> taskNumbers = new HashMap<>();
        for (int i = 0; i < added.size(); i++) {
            PlanRow row = added.get(i);
            Problem problem = placements.get(i).problem() != null ? placements.get(i).problem()
                    : problemByKey.get(areaOf.get(i).id + "|" + SimilarTitles.key(row.problem()));
            int number = next(taskNumbers, problem.id, () -> ledger.nextTaskNumber(problem.id));
            newTasks.add(new TaskService.NewTask(problem, number, row.task()));
        }
        // in parts, each written and forgotten before the next (ImportParts); the areas and problems the
        // later parts name are detached by then, which is enough: a new task only reads their ids
        List<UUID> taskIds = new ArrayList<>(newTasks.size());
        for (List<TaskService.NewTask> part : ImportParts.parts(newTasks)) {
            for (TaskSnapshot created : tasks.createCheckedTasks(part)) {
                taskIds.add(created.id());
            }
            parts.endPart();
        }
        return taskIds;
    }

    /** The next number under {@code parent}: the first is the ledger's next, each later one after the one before. */
    private static int next(Map<UUID, Integer> numbers, UUID parent, IntSupplier first) {
        int number = numbers.containsKey(parent) ? numbers.get(parent) + 1 : first.getAsInt();
        numbers.put(parent, number);
        return number;
    }
}
