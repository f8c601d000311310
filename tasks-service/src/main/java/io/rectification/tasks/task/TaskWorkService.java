package io.rectification.tasks.task;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.problem.Problem.FieldError;
import io.rectification.platform.problem.ProblemException;
import io.rectification.tasks.inspection.Inspection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The work recorded on a task while it is carried out: progress reports, evidence, indicators, stage goals. */
@ApplicationScoped
@Transactional
public class TaskWorkService {

    private final TaskGuard guard;
    private final TaskEvents events;

    public TaskWorkService(TaskGuard guard, TaskEvents events) {
        this.guard = guard;
        this.events = events;
    }

    public Map<String, Object> reportProgress(UUID taskId, Long expectedVersion, ProgressReportInput input, String reporter) {
        if (input.periodEnd().isBefore(input.periodStart())) {
            throw ProblemException.badRequest("periodEnd", "must not be before periodStart (" + input.periodStart() + ")");
        }
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.OPEN_FOR_WORK);
        ProgressReport report = new ProgressReport();
        report.id = UUID.randomUUID();
        report.taskId = task.id;
        report.cadence = input.cadence();
        report.periodStart = input.periodStart();
        report.periodEnd = input.periodEnd();
        report.text = input.text();
        report.percentComplete = input.percentComplete();
        report.reporter = reporter;
        report.reportedAt = OffsetDateTime.now();
        report.persist();
        task.percentComplete = report.percentComplete;
        task.lastProgressReportAt = report.reportedAt;
        Map<String, Object> reportView = reportView(report);
        TaskSnapshot snapshot = events.publish(task, "TaskProgressReported", Map.of("report", reportView));
        return Map.of("report", reportView, "task", snapshot);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> listProgressReports(UUID taskId) {
        guard.find(taskId);
        return ProgressReport.<ProgressReport>list("taskId", Sort.descending("reportedAt"), taskId).stream()
                .map(TaskWorkService::reportView).toList();
    }

    static Map<String, Object> reportView(ProgressReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", report.id);
        view.put("cadence", report.cadence);
        view.put("periodStart", report.periodStart);
        view.put("periodEnd", report.periodEnd);
        view.put("percentComplete", report.percentComplete);
        view.put("text", report.text);
        view.put("reporter", report.reporter);
        view.put("reportedAt", report.reportedAt);
        return view;
    }

    public Map<String, Object> addEvidence(UUID taskId, Long expectedVersion, EvidenceInput input, String recordedBy) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.EVIDENCE_OPEN);
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.taskId = task.id;
        evidence.type = input.type();
        evidence.title = input.title().strip();
        evidence.reference = input.reference();
        evidence.date = input.date();
        evidence.recordedBy = recordedBy;
        evidence.recordedAt = OffsetDateTime.now();
        evidence.persist();
        events.publish(task, "TaskUpdated");
        return evidenceView(evidence);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> listEvidence(UUID taskId) {
        guard.find(taskId);
        return Evidence.<Evidence>list("taskId", Sort.by("date").and("recordedAt"), taskId).stream()
                .map(TaskWorkService::evidenceView).toList();
    }

    static Map<String, Object> evidenceView(Evidence evidence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", evidence.id);
        view.put("taskId", evidence.taskId);
        view.put("type", evidence.type);
        view.put("title", evidence.title);
        view.put("reference", evidence.reference);
        view.put("date", evidence.date);
        view.put("recordedBy", evidence.recordedBy);
        view.put("recordedAt", evidence.recordedAt);
        view.put("file", EvidenceFile.<EvidenceFile>findByIdOptional(evidence.id).map(EvidenceFiles::describe).orElse(null));
        return view;
    }

    public TaskSnapshot addIndicator(UUID taskId, Long expectedVersion, IndicatorInput input, String actor) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        List<FieldError> errors = TaskRules.checkIndicator(input, "");
        if (!errors.isEmpty()) {
            throw TaskService.invalid(errors);
        }
        newIndicator(task, input, (int) Indicator.count("taskId", task.id), actor);
        return events.publish(task, "TaskUpdated");
    }

    public TaskSnapshot addMilestone(UUID taskId, Long expectedVersion, MilestoneInput input) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        Inspection inspection = Inspection.findById(task.inspectionId);
        List<FieldError> errors = TaskRules.checkDeadline(input.dueDate(), inspection.onSiteFrom, "dueDate");
        if (!errors.isEmpty()) {
            throw TaskService.invalid(errors);
        }
        newMilestone(task, input, (int) Milestone.count("taskId", task.id));
        return events.publish(task, "TaskUpdated");
    }

    public TaskSnapshot achieveMilestone(UUID taskId, UUID milestoneId, Long expectedVersion) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        Milestone milestone = Milestone.<Milestone>find("id = ?1 and taskId = ?2", milestoneId, taskId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("milestone", milestoneId));
        if (milestone.achievedAt != null) {
            throw ProblemException.conflict("milestone " + milestoneId + " was already achieved at " + milestone.achievedAt);
        }
        milestone.achievedAt = OffsetDateTime.now();
        return events.publish(task, "MilestoneAchieved", Map.of("milestoneId", milestone.id));
    }

    public TaskSnapshot recordIndicatorValue(UUID taskId, UUID indicatorId, Long expectedVersion,
                                             IndicatorValueInput input, String recordedBy) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        Indicator indicator = Indicator.<Indicator>find("id = ?1 and taskId = ?2", indicatorId, taskId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("indicator", indicatorId));
        IndicatorValue value = record(indicator, input.value(), input.source().strip(), recordedBy);
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("indicatorId", indicator.id);
        specific.put("value", value.value);
        specific.put("source", value.source);
        specific.put("recordedAt", value.recordedAt);
        return events.publish(task, "IndicatorRecorded", specific);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> indicatorHistory(UUID taskId, UUID indicatorId) {
        Indicator.<Indicator>find("id = ?1 and taskId = ?2", indicatorId, taskId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("indicator", indicatorId));
        List<Map<String, Object>> history = new ArrayList<>();
        for (IndicatorValue value : IndicatorValue.<IndicatorValue>list("indicatorId", Sort.by("recordedAt"), indicatorId)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", value.id);
            view.put("value", value.value);
            view.put("source", value.source);
            view.put("recordedAt", value.recordedAt);
            view.put("recordedBy", value.recordedBy);
            history.add(view);
        }
        return history;
    }

    static Milestone newMilestone(RectificationTask task, MilestoneInput input, int position) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.taskId = task.id;
        milestone.position = position;
        milestone.title = input.title().strip();
        milestone.dueDate = input.dueDate();
        milestone.persist();
        return milestone;
    }

    static Indicator newIndicator(RectificationTask task, IndicatorInput input, int position, String actor) {
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.taskId = task.id;
        indicator.position = position;
        indicator.name = input.name().strip();
        indicator.unit = input.unit().strip();
        indicator.baseline = input.baseline();
        indicator.targetKind = input.targetKind();
        indicator.targetValue = input.targetValue();
        indicator.direction = input.direction();
        indicator.persist();
        if (input.actual() != null) {
            record(indicator, input.actual(), input.actualSource().strip(), actor);
        }
        return indicator;
    }

    private static IndicatorValue record(Indicator indicator, java.math.BigDecimal amount, String source, String actor) {
        IndicatorValue value = new IndicatorValue();
        value.id = UUID.randomUUID();
        value.indicatorId = indicator.id;
        value.value = amount;
        value.source = source;
        value.recordedAt = OffsetDateTime.now();
        value.recordedBy = actor;
        value.persist();
        indicator.latestActual = amount;
        indicator.latestSource = source;
        indicator.latestRecordedAt = value.recordedAt;
        return value;
    }
}
