package io.rectification.tasks.task;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Builds a task's public snapshot from the task and its milestones, indicators and evidence. */
@ApplicationScoped
public class TaskSnapshots {

    private final Clock clock;

    public TaskSnapshots(Clock clock) {
        this.clock = clock;
    }

    public TaskSnapshot of(RectificationTask task) {
        List<TaskSnapshot.IndicatorView> indicators = Indicator.<Indicator>list("taskId", Sort.by("position"), task.id)
                .stream()
                .map(i -> new TaskSnapshot.IndicatorView(i.id, i.name, i.unit, i.baseline, i.targetKind,
                        i.targetValue, i.direction, i.latestActual, i.latestSource, i.met()))
                .toList();
        List<TaskSnapshot.MilestoneView> milestones = Milestone.<Milestone>list("taskId", Sort.by("position"), task.id)
                .stream()
                .map(m -> new TaskSnapshot.MilestoneView(m.id, m.title, m.dueDate, m.achievedAt))
                .toList();
        long evidenceCount = Evidence.count("taskId", task.id);
        return new TaskSnapshot(task.id, task.version, task.inspectionId, task.areaId, task.problemId, task.number,
                task.title, task.measures, task.progressNarrative, task.leadOfficial, task.responsiblePerson,
                task.responsibleUnit, task.deadline, task.kind, task.state, task.percentComplete,
                task.reportingCadence, task.requireIndicatorsMet, task.lastProgressReportAt, indicators, milestones,
                evidenceCount, task.claimedBy, task.verifiedAt, task.reopenCount, isOverdue(task),
                isProgressReportMissing(task), nextLookBackDue(task), TaskLifecycle.allowed(task.state));
    }

    /** When the next look-back review is due ({@link LookBackSchedule}); only a closed-out task has one. */
    public static LocalDate nextLookBackDue(RectificationTask task) {
        return task.state == TaskState.VERIFIED ? task.lookBackDue : null;
    }

    boolean isOverdue(RectificationTask task) {
        return !isClosed(task.state) && task.deadline.isBefore(LocalDate.now(clock));
    }

    static boolean isClosed(TaskState state) {
        return state == TaskState.VERIFIED || state == TaskState.CONSOLIDATING;
    }

    /** A task being worked on whose cadence expected a report since the last one (or since it was created). */
    boolean isProgressReportMissing(RectificationTask task) {
        return ProgressReportSchedule.missed(task, OffsetDateTime.now(clock)).isPresent();
    }
}
