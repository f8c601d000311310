package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.error.ApiException;
import io.rectification.tasks.area.AreaInput;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.AreaView;
import io.rectification.tasks.inspection.InspectionInput;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.inspection.InspectionView;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemInput;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.problem.ProblemView;
import io.rectification.tasks.task.TaskInput;
import io.rectification.tasks.task.TaskRules;
import io.rectification.tasks.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.plan.PlanRevision.Row;
import io.rectification.tasks.plan.PlanRevision.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a whole plan in one transaction: every row is checked first and every bad one reported
 * with its location; nothing is stored unless all are good. A plan for an inspection already in the
 * ledger is a revision, matched row by row (PlanComparison).
 */
@ApplicationScoped
@Transactional
public class PlanImportService {

    private final InspectionService inspections;
    private final AreaService areas;
    private final ProblemService problems;
    private final TaskService tasks;

    public PlanImportService(InspectionService inspections, AreaService areas, ProblemService problems,
                             TaskService tasks) {
        this.inspections = inspections;
        this.areas = areas;
        this.problems = problems;
        this.tasks = tasks;
    }

    /** What an import did: created a new inspection with its plan, or revised the plan of the existing one. */
    public record Outcome(PlanImportResult created, PlanRevision revised) {
    }

    /**
     * Imports a plan. For an inspection not yet in the ledger everything is created; for one that is
     * (same team, organisation and on-site dates) the plan is matched row by row and only added rows
     * are stored: changed, removed or conflicting rows are refused (409, each named), never duplicated.
     */
    public Outcome importPlan(PlanInput plan) {
        refuseInvalid(plan);
        Optional<Inspection> existing = inspections.findSame(plan.inspection());
        if (existing.isEmpty()) {
            return new Outcome(create(plan), null);
        }
        List<Row> rows = PlanComparison.compare(existing.get(), plan);
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
    public PlanRevision dryRun(PlanInput plan) {
        refuseInvalid(plan);
        return inspections.findSame(plan.inspection())
                .map(existing -> PlanRevision.of(existing.id, true, false, PlanComparison.compare(existing, plan)))
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
        List<PlanImportResult.AreaIds> areaIds = new ArrayList<>();
        int problemCount = 0;
        int taskCount = 0;
        for (PlanInput.AreaPlan areaPlan : plan.areas()) {
            AreaView area = areas.registerArea(inspection.id(), new AreaInput(areaPlan.title()));
            List<PlanImportResult.ProblemIds> problemIds = new ArrayList<>();
            for (PlanInput.ProblemPlan problemPlan : areaPlan.problems()) {
                Problem problemEntity = registerProblem(area.id(), problemPlan);
                List<UUID> taskIds = new ArrayList<>();
                for (TaskInput task : problemPlan.tasksOrEmpty()) {
                    taskIds.add(tasks.createCheckedTask(problemEntity, task).id());
                }
                problemIds.add(new PlanImportResult.ProblemIds(problemEntity.id, taskIds));
                problemCount++;
                taskCount += taskIds.size();
            }
            areaIds.add(new PlanImportResult.AreaIds(area.id(), problemIds));
        }
        return new PlanImportResult(inspection.id(), areaIds.size(), problemCount, taskCount, areaIds);
    }

    /**
     * Each changed column and each removed row, as field errors. A changed {@code source} is a number
     * the plan uses held by a problem of another source.
     */
    private static List<FieldError> conflicts(List<Row> rows) {
        List<FieldError> conflicts = new ArrayList<>();
        for (Row row : rows) {
            if (row.status() == Status.CHANGED) {
                row.changedFields().forEach(field -> conflicts.add(new FieldError(row.row() + "." + field,
                        "source".equals(field) ? "number " + row.key() + " is held by a problem that is not the plan's ("
                                + row.id() + ")"
                                : "differs from the ledger at " + row.key() + " (" + row.id() + "): correct it there (PUT), "
                                + "or import the plan as the ledger holds it")));
            } else if (row.status() == Status.REMOVED) {
                conflicts.add(new FieldError(row.row(), row.key() + " (" + row.id() + ") is in the ledger but not in the plan; "
                        + "an import never removes what is being rectified"));
            }
        }
        return conflicts;
    }

    /** Stores the added rows (each numbered next, which is its key: every row before it exists). */
    private List<Row> addRows(Inspection inspection, PlanInput plan, List<Row> rows) {
        Map<String, Row> byRow = new LinkedHashMap<>();
        rows.forEach(row -> byRow.put(row.row(), row));
        for (int a = 0; a < plan.areas().size(); a++) {
            PlanInput.AreaPlan areaPlan = plan.areas().get(a);
            String areaRow = "areas[" + a + "]";
            UUID areaId = idOf(byRow, areaRow, () -> areas.registerArea(inspection.id, new AreaInput(areaPlan.title())).id());
            for (int p = 0; p < areaPlan.problems().size(); p++) {
                PlanInput.ProblemPlan problemPlan = areaPlan.problems().get(p);
                String problemRow = areaRow + ".problems[" + p + "]";
                UUID problemId = idOf(byRow, problemRow, () -> registerProblem(areaId, problemPlan).id);
                for (int t = 0; t < problemPlan.tasksOrEmpty().size(); t++) {
                    TaskInput task = problemPlan.tasksOrEmpty().get(t);
                    idOf(byRow, problemRow + ".tasks[" + t + "]",
                            () -> tasks.createCheckedTask(problems.requireEntity(problemId), task).id());
                }
            }
        }
        return new ArrayList<>(byRow.values());
    }

    /** The row's id in the ledger; an added row is created now and its id noted. */
    private static UUID idOf(Map<String, Row> rows, String path, java.util.function.Supplier<UUID> create) {
        Row row = rows.get(path);
        if (row.status() != Status.ADDED) {
            return row.id();
        }
        UUID id = create.get();
        rows.put(path, new Row(row.row(), row.key(), row.status(), row.changedFields(), id));
        return id;
    }

    private Problem registerProblem(UUID areaId, PlanInput.ProblemPlan problemPlan) {
        ProblemView problem = problems.registerProblem(areas.requireEntity(areaId),
                new ProblemInput(problemPlan.title(), problemPlan.description()), ProblemSource.PLAN, null);
        return problems.requireEntity(problem.id());
    }

    /** The rules bean validation cannot see: dates against the inspection, stage goals, indicator baselines. */
    static List<FieldError> check(PlanInput plan) {
        List<FieldError> errors = new ArrayList<>();
        InspectionInput inspection = plan.inspection();
        if (inspection.onSiteTo().isBefore(inspection.onSiteFrom())) {
            errors.add(new FieldError("inspection.onSiteTo", "must not be before onSiteFrom (" + inspection.onSiteFrom() + ")"));
        }
        if (inspection.feedbackDate() != null && inspection.feedbackDate().isBefore(inspection.onSiteFrom())) {
            errors.add(new FieldError("inspection.feedbackDate", "must not be before onSiteFrom (" + inspection.onSiteFrom() + ")"));
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
