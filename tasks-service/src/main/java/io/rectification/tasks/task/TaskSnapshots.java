package io.rectification.tasks.task;

import io.rectification.tasks.problem.ProblemNumbers;
import io.rectification.tasks.support.Cancellation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds tasks' public snapshots from the tasks, their parts (indicators, stage goals, evidence) and
 * their problems' numbers: a page of any size in the same number of queries, since the parts and
 * numbers of all its tasks are read at once.
 */
@ApplicationScoped
public class TaskSnapshots {

    private final TaskWork work;
    private final Clock clock;

    public TaskSnapshots(TaskWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    public TaskSnapshot of(RectificationTask task) {
        return of(List.of(task)).get(0);
    }

    public List<TaskSnapshot> of(List<RectificationTask> tasks) {
        return of(tasks, OffsetDateTime.now(clock));
    }

    /** The snapshots as they are at {@code now} (in the clock's zone). */
    public List<TaskSnapshot> of(List<RectificationTask> tasks, OffsetDateTime now) {
        Map<UUID, TaskParts> parts = work.partsOf(tasks.stream().map(t -> t.id).toList());
        Map<UUID, ProblemNumbers> numbers = ProblemNumbers.of(tasks.stream().map(t -> t.problemId).toList());
        Map<UUID, DeadlineExtensionRequest> pending = pendingExtensions(tasks);
        LocalDate today = now.toLocalDate();
        return tasks.stream().map(t -> of(t, numbers.get(t.problemId), parts.getOrDefault(t.id, TaskParts.NONE), today, now, clock.getZone(),
                        t.pendingExtensionId == null ? null : pending.get(t.pendingExtensionId)))
                .toList();
    }

    /**
     * The deadline extension requests pending on any of {@code tasks}, by id: one query when one is, none
     * otherwise (most pages have none).
     */
    private static Map<UUID, DeadlineExtensionRequest> pendingExtensions(List<RectificationTask> tasks) {
        List<UUID> ids = tasks.stream().map(t -> t.pendingExtensionId).filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return DeadlineExtensionRequest.<DeadlineExtensionRequest>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
    }

    /**
     * Until when snapshots of these tasks made at {@code now} stay true as time passes, nothing else
     * changing: the next midnight in the clock's zone, when a deadline passing makes a task overdue and a
     * report's due day ending makes it missing ({@link ProgressReportSchedule}: both turn at midnight).
     */
    public Instant heldUntil(List<RectificationTask> tasks, OffsetDateTime now) {
        return now.atZoneSameInstant(clock.getZone()).toLocalDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * The parts of one task, for the rules that read them (a claim, a verification): with its bare
     * evidence entries named when it has evidence but none a supervisor can check, for the 409 to list.
     */
    public TaskParts partsOf(RectificationTask task) {
        TaskParts parts = work.partsOf(List.of(task.id)).getOrDefault(task.id, TaskParts.NONE);
        return parts.evidenceCount() > 0 && parts.checkableEvidence() == 0
                ? parts.withBareEvidence(work.bareEvidence(task.id)) : parts;
    }

    private static TaskSnapshot of(RectificationTask task, ProblemNumbers numbers, TaskParts parts, LocalDate today,
                                   OffsetDateTime now, ZoneId zone, DeadlineExtensionRequest pendingExtension) {
        return new TaskSnapshot(task.id, task.version, task.inspectionId, task.areaId, task.problemId, numbers.area(),
                numbers.problem(), task.number,
                task.title, task.measures, task.progressNarrative, task.leadOfficial, task.responsiblePerson,
                task.responsibleUnit, task.deadline, task.kind, task.state, task.percentComplete,
                task.reportingCadence, task.requireIndicatorsMet, task.lastProgressReportAt, parts.indicators(),
                parts.milestones(), parts.evidenceCount(), parts.checkableEvidence(), task.claimedBy, task.claimedAt, task.verifiedAt, task.reopenCount,
                Overdue.is(task, today), ProgressReportSchedule.missed(task, now, zone).isPresent(), nextLookBackDue(task),
                TaskSnapshot.Decision.of(task.rejectionReason, task.rejectedBy, task.rejectedAt),
                TaskSnapshot.Decision.of(task.reopenReason, task.reopenedBy, task.reopenedAt),
                TaskSnapshot.Withdrawal.of(task.withdrawalReason, task.withdrawnBy, task.withdrawnAt),
                TaskSnapshot.LookBack.of(task.lookBackOutcome, task.lookBackFindings, task.lookBackBy, task.lookBackAt),
                TaskSnapshot.Note.of(task.verificationNote, task.verifiedBy, task.verificationAt),
                CloseOutRule.allowed(task, parts, today),
                TaskSnapshot.DeadlineChange.of(task.deadlineChangedFrom, task.deadlineChangedTo, task.deadlineChangeReason,
                        task.deadlineChangedBy, task.deadlineChangedAt),
                TaskSnapshot.PendingExtension.of(pendingExtension), Cancellation.View.of(task.cancellation));
    }

    /** When the next look-back review is due ({@link LookBackSchedule}); only a closed-out task has one. */
    public static LocalDate nextLookBackDue(RectificationTask task) {
        return task.state == TaskState.VERIFIED ? task.lookBackDue : null;
    }
}
