package io.rectification.tasks.task;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.problem.ProblemView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Moves tasks through their lifecycle ({@link TaskLifecycle}) and enforces the rules that depend
 * on more than the state: who verifies, the evidence, the indicators, the stage goals.
 */
@ApplicationScoped
@Transactional
public class TaskTransitionService {

    private final TaskGuard guard;
    private final TaskEvents events;
    private final TaskSnapshots snapshots;
    private final ProblemService problems;
    private final AreaService areas;
    private final TaskWork work;

    private final Clock clock;
    private final InstantText instants;

    public TaskTransitionService(TaskGuard guard, TaskEvents events, TaskSnapshots snapshots, ProblemService problems,
                                 AreaService areas, TaskWork work, Clock clock, InstantText instants) {
        this.instants = instants;
        this.work = work;
        this.snapshots = snapshots;
        this.clock = clock;
        this.guard = guard;
        this.events = events;
        this.problems = problems;
        this.areas = areas;
    }

    public TaskSnapshot start(UUID taskId, Long expectedVersion) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.allows(TaskAction.START));
        task.state = TaskLifecycle.next(task.kind, task.state, TaskAction.START);
        // The contract has no TaskStarted: the new state travels in the snapshot of TaskUpdated.
        return events.publish(task, TasksEvent.TaskUpdated::new);
    }

    public TaskSnapshot claimCompletion(UUID taskId, Long expectedVersion, String claimant) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.allows(TaskAction.CLAIM_COMPLETION));
        // Claimed, the task takes no more evidence, and verification refuses it without any a supervisor
        // can check: a claim without it could only wait to be rejected.
        CloseOutRule.requireEvidence(task, snapshots.partsOf(task), "claiming completion");
        requireEvidenceSinceReopen(task, "claiming completion");
        TaskState from = task.state;
        task.state = TaskLifecycle.next(task.kind, from, TaskAction.CLAIM_COMPLETION);
        task.claimed(from, claimant, OffsetDateTime.now(clock));
        return events.publish(task, TasksEvent.TaskCompletionClaimed::new);
    }

    public TaskSnapshot rejectCompletion(UUID taskId, Long expectedVersion, String reason, String reviewer) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.allows(TaskAction.REJECT_COMPLETION));
        task.state = TaskLifecycle.next(task.kind, task.state, TaskAction.REJECT_COMPLETION);
        task.claimRejected(reason.strip(), reviewer, OffsetDateTime.now(clock));
        return events.publish(task, s -> new TasksEvent.TaskCompletionRejected(s, task.rejectionReason));
    }

    /**
     * 撤回销号申请: the owners take back a claim no one has decided on, and the task returns to the state
     * it was claimed from. Whoever may claim may withdraw: the same roles (the resource) and unit scope
     * (the guard). No rejection is recorded, since no one rejected anything.
     */
    public TaskSnapshot withdrawClaim(UUID taskId, Long expectedVersion, String reason, String withdrawer) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.allows(TaskAction.WITHDRAW_CLAIM));
        task.state = TaskLifecycle.afterWithdrawal(task.kind, task.state, task.claimedFrom);
        task.claimWithdrawn(reason, withdrawer, OffsetDateTime.now(clock));
        return events.publish(task, s -> new TasksEvent.TaskCompletionClaimWithdrawn(s, task.withdrawalReason));
    }

    /**
     * Close-out (销号) by someone other than the claimant, when {@link CloseOutRule} allows it: evidence,
     * met indicators where configured, the stage goals. A LONG_TERM task first goes to CONSOLIDATING
     * once its stage goals due so far are met; verifying it again from there closes it out.
     */
    public TaskSnapshot verify(UUID taskId, Long expectedVersion, String verifier, String note) {
        RectificationTask task = guard.load(taskId, expectedVersion, t -> TaskLifecycle.next(t.kind, t.state, verification(t)));
        TaskAction action = verification(task);
        TaskState next = TaskLifecycle.next(task.kind, task.state, action);
        if (verifier.equals(task.claimedBy)) {
            throw new ApiException(403, "Forbidden",
                    "completion was claimed by " + verifier + "; someone else must verify it")
                    .with("claimedBy", task.claimedBy);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CloseOutRule.require(task, action, snapshots.partsOf(task), now.toLocalDate());
        requireEvidenceSinceReopen(task, "verifying it");
        task.state = next;
        task.percentComplete = 100;
        task.verifiedWith(note, verifier, now);
        if (next == TaskState.CONSOLIDATING) {
            task.consolidated(now);
            return events.publish(task, TasksEvent.TaskConsolidating::new);
        }
        task.closeOut(now, clock.getZone());
        return events.publish(task, TasksEvent.TaskCompleted::new);
    }

    /**
     * A 409 unless the task, once reopened, has evidence recorded since (the close-out it had was found
     * not to hold) that a supervisor can check, as {@link CloseOutRule} counts it: a file or a reference;
     * the entries recorded since with a title only are named, as that rule's 409 names them.
     * {@code again} names what needs it, as the message says.
     */
    private void requireEvidenceSinceReopen(RectificationTask task, String again) {
        if (task.reopenedAt != null && work.checkableEvidenceRecordedSince(task.id, task.reopenedAt) == 0) {
            throw CloseOutRule.withoutCheckableEvidence(task, "the task was reopened at "
                                    + instants.format(task.reopenedAt) + "; " + again + " again needs evidence recorded"
                                    + " since then, with its file attached or a reference", "evidenceSinceReopen",
                            work.bareEvidenceRecordedSince(task.id, task.reopenedAt),
                            "add it at /tasks/" + task.id + "/evidence")
                    .with("reopenedAt", task.reopenedAt);
        }
    }

    /** A LONG_TERM task's claim is first consolidated; every other verification closes the task out. */
    private static TaskAction verification(RectificationTask task) {
        return task.kind == TaskKind.LONG_TERM && task.state == TaskState.COMPLETION_CLAIMED
                ? TaskAction.CONSOLIDATE : TaskAction.VERIFY;
    }

    /**
     * 回头看: confirms a close-out, or reopens it (再整改) with the rework's deadline ({@link ReworkDeadline});
     * may register a new problem (再深挖).
     */
    public LookBackReviewView lookBack(UUID taskId, Long expectedVersion, LookBackInput input, String reviewer) {
        boolean reopen = input.outcome() == ReviewOutcome.REOPENED;
        List<FieldError> refusals = ReworkDeadline.refusals(input, LocalDate.now(clock));
        if (!refusals.isEmpty()) {
            throw ApiException.invalid(refusals);
        }
        TaskAction action = reopen ? TaskAction.REOPEN : TaskAction.LOOK_BACK_CONFIRM;
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.allows(action));
        TaskState next = TaskLifecycle.next(task.kind, task.state, action);
        LookBackReview review = new LookBackReview();
        review.id = UUID.randomUUID();
        review.taskId = task.id;
        review.outcome = input.outcome();
        review.reason = input.findings();
        review.reviewer = reviewer;
        review.reviewedAt = OffsetDateTime.now(clock);
        review.reviewedVerifiedAt = task.verifiedAt;
        if (input.newProblem() != null) {
            ProblemView found = problems.registerProblem(areas.requireEntity(task.areaId), input.newProblem(),
                    ProblemSource.LOOK_BACK, null);
            review.newProblemId = found.id();
        }
        review.persist();
        // The findings stay on the task whatever the outcome: a confirmation's are what the reviewers
        // checked, and the task, its audit trail and the read models show them (issue 10).
        task.lookBackHeld(review.outcome, review.reason, reviewer, review.reviewedAt);
        TaskSnapshot snapshot;
        if (reopen) {
            task.state = next;
            task.reopened(review.reason, reviewer, review.reviewedAt, work.latestReportedPercent(task.id));
            // the rework's own deadline, recorded as every move of it is (the findings are its reason), so the
            // reopened task is not overdue by the close-out's old date and its overdue, if it comes, is that date's
            LocalDate previous = task.deadline;
            boolean moved = !input.deadline().equals(previous);
            if (moved) {
                task.deadline = input.deadline();
                task.deadlineMoved(previous, review.reason, reviewer, review.reviewedAt);
            }
            String reason = task.reopenReason;
            LocalDate replaced = moved ? previous : null;
            snapshot = events.publish(task, s -> new TasksEvent.TaskReopened(s, reason, review.id, replaced));
        } else {
            // A confirmed close-out moves the next review's due date, which the snapshot carries.
            task.lookBackConfirmed(clock.getZone());
            snapshot = events.publish(task, TasksEvent.TaskUpdated::new);
        }
        return LookBackReviewView.of(review, snapshot);
    }
}
