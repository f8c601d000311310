package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.error.ApiException;
import io.rectification.tasks.area.AreaInput;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.inspection.InspectionInput;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.inspection.InspectionView;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemInput;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.TaskInput;
import io.rectification.tasks.task.TaskRules;
import io.rectification.tasks.task.TaskService;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.plan.PlanRevision.Row;
import io.rectification.tasks.plan.PlanRevision.Status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a whole plan in one transaction: every row is checked first and every bad one reported
 * with its location; nothing is stored unless all are good. A plan for an inspection already in the
 * ledger is a revision, matched row by row (PlanComparison). Titles are stored without the clerk's
 * own numbering ({@link PlanTitles}): the ledger numbers them by their place.
 */
@ApplicationScoped
@Transactional
public class PlanImportService {

    private final InspectionService inspections;
    private final AreaService areas;
    private final ProblemService problems;
    private final TaskService tasks;
    private final ImportParts parts;
    private final Clock clock;

    public PlanImportService(InspectionService inspections, AreaService areas, ProblemService problems,
                             TaskService tasks, ImportParts parts, Clock clock) {
        this.clock = clock;
        this.inspections = inspections;
        this.areas = areas;
        this.problems = problems;
        this.tasks = tasks;
        this.parts = parts;
    }

    /** What an import did: created a new inspection with its plan, or revised the plan of the existing one. */
    public record Outcome(PlanImportResult created, PlanRevision revised) {
    }

    /**
     * Imports a plan. For an inspection not yet in the ledger everything is created; for one that is
     * (same team, organisation and on-site dates) the plan is matched row by row and only added rows
     * are stored: changed, removed or conflicting rows are refused (409, each named), never duplicated.
     */
    public Outcome importPlan(PlanInput input) {
        PlanInput plan = PlanTitles.withoutNumbering(input);
        refuseInvalid(plan);
        Optional<Inspection> existing = inspections.findSame(plan.inspection());
        if (existing.isEmpty()) {
            return new Outcome(create(plan), null);
        }
        List<Row> rows = PlanComparison.compare(existing.get(), plan, clock.getZone());
        List<FieldError> conflicts = conflicts(rows);
        if (!conflicts.isEmpty()) {
            throw new ApiException(409, "Plan conflicts with the ledger", conflicts.size()
                    + " row(s) of the plan differ from inspection " + existing.get().id
                    + "; nothing was stored (POST /plans?dryRun=true shows the whole comparison)", conflicts)
                    .with("existingInspectionId", existing.get().id.toString());
        }
        return new Outcome(null, PlanRevision.of(existing.get().id, false, true, addRows(existing.get(), plan, rows)));
    }

    /** The comparison an import would act on, without storing anything. */
    public PlanRevision dryRun(PlanInput input) {
        PlanInput plan = PlanTitles.withoutNumbering(input);
        refuseInvalid(plan);
        return inspections.findSame(plan.inspection())
                .map(existing -> PlanRevision.of(existing.id, true, false, PlanComparison.compare(existing, plan, clock.getZone())))
                .orElseGet(() -> PlanRevision.of(null, true, false, PlanComparison.allAdded(plan)));
    }

    private static void refuseInvalid(PlanInput plan) {
        List<FieldError> errors = check(plan);
        if (!errors.isEmpty()) {
            String detail = errors.size() + " row(s) of the plan are invalid; nothing was stored";
            throw new ApiException(400, "Invalid plan", detail, errors);
        }
    }

    private PlanImportResult create(PlanInput plan) {
        InspectionView inspection = inspections.registerInspection(plan.inspection());
        Map<String, Row> rows = byRow(PlanComparison.allAdded(plan));
        store(inspection.id(), plan, rows);
        List<PlanImportResult.AreaIds> areaIds = new ArrayList<>();
        int problemCount = 0;
        int taskCount = 0;
        for (int a = 0; a < plan.areas().size(); a++) {
            List<PlanImportResult.ProblemIds> problemIds = new ArrayList<>();
            for (int p = 0; p < plan.areas().get(a).problems().size(); p++) {
                String problemRow = problemRow(a, p);
                List<UUID> taskIds = new ArrayList<>();
                for (int t = 0; t < plan.areas().get(a).problems().get(p).tasksOrEmpty().size(); t++) {
                    taskIds.add(rows.get(taskRow(problemRow, t)).id());
                }
                problemIds.add(new PlanImportResult.ProblemIds(rows.get(problemRow).id(), taskIds));
                problemCount++;
                taskCount += taskIds.size();
            }
            areaIds.add(new PlanImportResult.AreaIds(rows.get(areaRow(a)).id(), problemIds));
        }
        return new PlanImportResult(inspection.id(), areaIds.size(), problemCount, taskCount, areaIds);
    }

    /**
     * Each changed column, each conflicting and each removed row, as field errors: what a dry run
     * answers as CHANGED, CONFLICT (with its reason, here the message) and REMOVED.
     */
    private static List<FieldError> conflicts(List<Row> rows) {
        List<FieldError> conflicts = new ArrayList<>();
        for (Row row : rows) {
            if (row.status() == Status.CONFLICT) {
                // the only conflict of a JSON plan: its number is held by a problem of another source
                conflicts.add(new FieldError(row.row() + ".source", row.reason()));
            } else if (row.status() == Status.CHANGED) {
                row.changedFields().forEach(field -> conflicts.add(new FieldError(row.row() + "." + field,
                        "differs from the ledger at " + row.key() + " (" + row.id() + "): correct it there (PUT), "
                                + "or import the plan as the ledger holds it")));
            } else if (row.status() == Status.REMOVED) {
                conflicts.add(new FieldError(row.row(), row.key() + " (" + row.id() + ") is in the ledger but not in the plan; "
                        + "an import never removes what is being rectified"));
            }
        }
        return conflicts;
    }

    /** Stores the added rows and answers the comparison with their new ids. */
    private List<Row> addRows(Inspection inspection, PlanInput plan, List<Row> rows) {
        Map<String, Row> byRow = byRow(rows);
        store(inspection.id, plan, byRow);
        return new ArrayList<>(byRow.values());
    }

    /**
     * Stores the added rows, level by level (areas, then problems, then tasks), each level in a fixed
     * number of statements however many rows it has (tasks: per part of {@link ImportParts#TASKS_PER_PART}); each new row's id is noted in {@code rows}. A row
     * is numbered by its place in the plan, which is its key: every row before it exists (the
     * comparison refused the plan otherwise).
     */
    private void store(UUID inspectionId, PlanInput plan, Map<String, Row> rows) {
        List<String> newAreaRows = new ArrayList<>();
        List<AreaService.NewArea> newAreas = new ArrayList<>();
        for (int a = 0; a < plan.areas().size(); a++) {
            if (isAdded(rows, areaRow(a))) {
                newAreaRows.add(areaRow(a));
                newAreas.add(new AreaService.NewArea(a + 1, new AreaInput(plan.areas().get(a).title())));
            }
        }
        Map<UUID, FeedbackArea> areaEntities = new HashMap<>();
        List<FeedbackArea> createdAreas = areas.registerAreas(inspectionId, newAreas);
        for (int i = 0; i < createdAreas.size(); i++) {
            noteId(rows, newAreaRows.get(i), createdAreas.get(i).id);
            areaEntities.put(createdAreas.get(i).id, createdAreas.get(i));
        }

        List<String> newProblemRows = new ArrayList<>();
        List<ProblemService.NewProblem> newProblems = new ArrayList<>();
        for (int a = 0; a < plan.areas().size(); a++) {
            List<PlanInput.ProblemPlan> problemPlans = plan.areas().get(a).problems();
            for (int p = 0; p < problemPlans.size(); p++) {
                if (isAdded(rows, problemRow(a, p))) {
                    FeedbackArea area = areaEntities.computeIfAbsent(rows.get(areaRow(a)).id(), areas::requireEntity);
                    newProblemRows.add(problemRow(a, p));
                    newProblems.add(new ProblemService.NewProblem(area, p + 1,
                            new ProblemInput(problemPlans.get(p).title(), problemPlans.get(p).description()),
                            ProblemSource.PLAN, null));
                }
            }
        }
        Map<UUID, Problem> problemEntities = new HashMap<>();
        List<Problem> createdProblems = problems.registerProblems(newProblems);
        for (int i = 0; i < createdProblems.size(); i++) {
            noteId(rows, newProblemRows.get(i), createdProblems.get(i).id);
            problemEntities.put(createdProblems.get(i).id, createdProblems.get(i));
        }

        List<String> newTaskRows = new ArrayList<>();
        List<TaskService.NewTask> newTasks = new ArrayList<>();
        for (int a = 0; a < plan.areas().size(); a++) {
            List<PlanInput.ProblemPlan> problemPlans = plan.areas().get(a).problems();
            for (int p = 0; p < problemPlans.size(); p++) {
                List<TaskInput> taskInputs = problemPlans.get(p).tasksOrEmpty();
                for (int t = 0; t < taskInputs.size(); t++) {
                    if (isAdded(rows, taskRow(problemRow(a, p), t))) {
                        Problem problem = problemEntities.computeIfAbsent(rows.get(problemRow(a, p)).id(),
                                problems::requireEntity);
                        newTaskRows.add(taskRow(problemRow(a, p), t));
                        newTasks.add(new TaskService.NewTask(problem, t + 1, taskInputs.get(t)));
                    }
                }
            }
        }
        // in parts, each written and forgotten before the next (ImportParts); the problems the later
        // parts name are detached by then, which is enough: a new task only reads their ids
        int stored = 0;
        for (List<TaskService.NewTask> part : ImportParts.parts(newTasks)) {
            for (TaskSnapshot created : tasks.createCheckedTasks(part)) {
                noteId(rows, newTaskRows.get(stored++), created.id());
            }
            parts.endPart();
        }
    }

    private static Map<String, Row> byRow(List<Row> rows) {
        Map<String, Row> byRow = new LinkedHashMap<>();
        rows.forEach(row -> byRow.put(row.row(), row));
        return byRow;
    }

    private static boolean isAdded(Map<String, Row> rows, String path) {
        return rows.get(path).status() == Status.ADDED;
    }

    private static void noteId(Map<String, Row> rows, String path, UUID id) {
        Row row = rows.get(path);
        rows.put(path, new Row(row.row(), row.key(), row.status(), row.changedFields(), id, row.reason()));
    }

    private static String areaRow(int a) {
        return "areas[" + a + "]";
    }

    private static String problemRow(int a, int p) {
        return areaRow(a) + ".problems[" + p + "]";
    }

    private static String taskRow(String problemRow, int t) {
        return problemRow + ".tasks[" + t + "]";
    }

    /**
     * The rules bean validation cannot see: the number of tasks ({@link PlanLimits}, as for the breakdown
     * table), dates against the inspection, stage goals, indicator baselines.
     */
    static List<FieldError> check(PlanInput plan) {
        List<FieldError> errors = new ArrayList<>();
        InspectionInput inspection = plan.inspection();
        if (inspection.onSiteTo().isBefore(inspection.onSiteFrom())) {
            errors.add(new FieldError("inspection.onSiteTo", "must not be before onSiteFrom (" + inspection.onSiteFrom() + ")"));
        }
        if (inspection.feedbackDate() != null && inspection.feedbackDate().isBefore(inspection.onSiteFrom())) {
            errors.add(new FieldError("inspection.feedbackDate", "must not be before onSiteFrom (" + inspection.onSiteFrom() + ")"));
        }
        FieldError tooMany = PlanLimits.tooMany(plan.areas().stream().flatMap(area -> area.problems().stream())
                .mapToInt(problem -> problem.tasksOrEmpty().size()).sum());
        if (tooMany != null) {
            errors.add(tooMany);
            return errors;
        }
        for (int a = 0; a < plan.areas().size(); a++) {
            List<PlanInput.ProblemPlan> problemPlans = plan.areas().get(a).problems();
            for (int p = 0; p < problemPlans.size(); p++) {
                List<TaskInput> taskInputs = problemPlans.get(p).tasksOrEmpty();
                for (int t = 0; t < taskInputs.size(); t++) {
                    errors.addAll(TaskRules.check(taskInputs.get(t), inspection.onSiteFrom(),
                            "areas[" + a + "].problems[" + p + "].tasks[" + t + "]."));
                }
            }
        }
        return errors;
    }
}
