package io.rectification.tasks.plan;

import io.rectification.platform.problem.Problem.FieldError;
import io.rectification.platform.problem.ProblemException;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Imports a whole plan in one transaction: every row is checked first and every bad one reported
 * with its location; nothing is stored unless all are good.
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

    public PlanImportResult importPlan(PlanInput plan) {
        List<FieldError> errors = check(plan);
        if (!errors.isEmpty()) {
            String detail = errors.size() + " row(s) of the plan are invalid; nothing was stored";
            throw new ProblemException(400, "Invalid plan", detail, errors);
        }
        InspectionView inspection = inspections.registerInspection(plan.inspection());
        List<PlanImportResult.AreaIds> areaIds = new ArrayList<>();
        int problemCount = 0;
        int taskCount = 0;
        for (PlanInput.AreaPlan areaPlan : plan.areas()) {
            AreaView area = areas.registerArea(inspection.id(), new AreaInput(areaPlan.title()));
            List<PlanImportResult.ProblemIds> problemIds = new ArrayList<>();
            for (PlanInput.ProblemPlan problemPlan : areaPlan.problems()) {
                ProblemView problem = problems.registerProblem(areas.requireEntity(area.id()),
                        new ProblemInput(problemPlan.title(), problemPlan.description()), ProblemSource.PLAN, null);
                Problem problemEntity = problems.requireEntity(problem.id());
                List<java.util.UUID> taskIds = new ArrayList<>();
                for (TaskInput task : problemPlan.tasksOrEmpty()) {
                    taskIds.add(tasks.createCheckedTask(problemEntity, task).id());
                }
                problemIds.add(new PlanImportResult.ProblemIds(problem.id(), taskIds));
                problemCount++;
                taskCount += taskIds.size();
            }
            areaIds.add(new PlanImportResult.AreaIds(area.id(), problemIds));
        }
        return new PlanImportResult(inspection.id(), areaIds.size(), problemCount, taskCount, areaIds);
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
