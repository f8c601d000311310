package io.rectification.tasks.plan;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.table.Table;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.Direction;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TargetKind;
import io.rectification.tasks.work.Indicator;
import io.rectification.tasks.work.Milestone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plan of an inspection as the task breakdown table the import reads ({@link PlanColumns#ALL}, in
 * the template's order): one row per task of the inspection's findings (problems of source PLAN, as
 * {@code POST /plans} compares them), in the plan's order, each cell written as the import reads it
 * back: kind and cadence in the template's words, stage goals as {@code title@YYYY-MM-DD;…}, indicators
 * ';'-separated with their targets as ≥N, ≤N, 上升N% or 下降N%, the value and source as they stand now.
 * Posted back (dry run) to the same inspection every row is UNCHANGED; imported into another, its plan
 * is the same (PlanExportTest). What the table has no column for stays behind: a problem's
 * description, a problem without tasks, requireIndicatorsMet, and the problems of other sources
 * (自查发现, 回头看, 群众反映, 举一反三), which the lists carry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanRowsExport {

    static final String SHEET = "任务分解表";

    public Table table(UUID inspectionId) {
        Map<UUID, FeedbackArea> areas = FeedbackArea.<FeedbackArea>list("inspectionId", inspectionId).stream()
                .collect(Collectors.toMap(area -> area.id, Function.identity()));
        Map<UUID, Problem> findings = Problem.<Problem>list("inspectionId = ?1 and source = ?2", inspectionId,
                        ProblemSource.PLAN).stream()
                .collect(Collectors.toMap(problem -> problem.id, Function.identity()));
        Map<UUID, List<Milestone>> milestones = Milestone.<Milestone>list(
                        "taskId in (select t.id from RectificationTask t where t.inspectionId = ?1)",
                        Sort.by("position"), inspectionId).stream()
                .collect(Collectors.groupingBy(milestone -> milestone.taskId));
        Map<UUID, List<Indicator>> indicators = Indicator.<Indicator>list(
                        "taskId in (select t.id from RectificationTask t where t.inspectionId = ?1)",
                        Sort.by("position"), inspectionId).stream()
                .collect(Collectors.groupingBy(indicator -> indicator.taskId));
        // what the office cancelled (撤销) is not the plan: left out, and a re-import of this table leaves it be
        List<RectificationTask> tasks = new ArrayList<>(RectificationTask.<RectificationTask>list(
                        "inspectionId = ?1 and cancellation.at is null", inspectionId)
                .stream().filter(task -> findings.containsKey(task.problemId)).toList());
        tasks.sort(Comparator.comparingInt((RectificationTask task) -> areas.get(task.areaId).number)
                .thenComparingInt(task -> findings.get(task.problemId).number)
                .thenComparingInt(task -> task.number));
        List<List<Object>> rows = new ArrayList<>(tasks.size());
        for (RectificationTask task : tasks) {
            rows.add(row(areas.get(task.areaId), findings.get(task.problemId), task,
                    milestones.getOrDefault(task.id, List.of()), indicators.getOrDefault(task.id, List.of())));
        }
        return new Table(SHEET, PlanColumns.ALL, rows);
    }

    /** A cell for each of {@link PlanColumns#ALL}, in that order (null an empty cell); the deadline as a day (a date cell in XLSX). */
    private static List<Object> row(FeedbackArea area, Problem problem, RectificationTask task, List<Milestone> milestones,
                                    List<Indicator> indicators) {
        return Arrays.asList(area.title, problem.title, task.title, task.measures, task.leadOfficial, task.responsiblePerson,
                task.responsibleUnit, task.deadline, PlanChoices.KIND.word(task.kind),
                task.reportingCadence == null ? "" : PlanChoices.CADENCE.word(task.reportingCadence),
                milestones.stream().map(m -> m.title + "@" + m.dueDate).collect(Collectors.joining(";")),
                task.progressNarrative,
                entries(indicators, indicator -> indicator.name),
                entries(indicators, indicator -> indicator.unit),
                entries(indicators, indicator -> number(indicator.baseline)),
                entries(indicators, PlanRowsExport::target),
                entries(indicators, indicator -> number(indicator.latestActual)),
                entries(indicators, indicator -> indicator.latestActual == null ? null : indicator.latestSource));
    }

    /** ≥90, ≤5, 上升10%, 下降45%: the forms 指标目标 is read in (PlanIndicatorCells). */
    static String target(Indicator indicator) {
        String value = number(indicator.targetValue);
        boolean up = indicator.direction == Direction.INCREASE;
        if (indicator.targetKind == TargetKind.RELATIVE_PERCENT) {
            return (up ? "上升" : "下降") + value + "%";
        }
        return (up ? "≥" : "≤") + value;
    }

    /** One entry per indicator, ';'-separated; a column with no entry at all is left blank. */
    private static String entries(List<Indicator> indicators, Function<Indicator, String> entry) {
        List<String> values = indicators.stream().map(entry).map(PlanRowsExport::text).toList();
        return values.stream().allMatch(String::isEmpty) ? "" : String.join(";", values);
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
