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

    final Clock clock = Clock.systemDefaultZone();

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

    /** Look-back reviews are scheduled 3, 6 and 12 months after close-out; each review held counts as the next one. */
    public static final List<Integer> LOOK_BACK_MONTHS = List.of(3, 6, 12);

    public static LocalDate nextLookBackDue(RectificationTask task) {
        if (task.state != TaskState.VERIFIED || task.verifiedAt == null) {
            return null;
        }
        long held = LookBackReview.count("taskId = ?1 and reviewedAt >= ?2", task.id, task.verifiedAt);
        return held >= LOOK_BACK_MONTHS.size() ? null
                : task.verifiedAt.toLocalDate().plusMonths(LOOK_BACK_MONTHS.get((int) held));
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
