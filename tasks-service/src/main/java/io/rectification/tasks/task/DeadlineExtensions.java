package io.rectification.tasks.task;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.time.InstantText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 延期申请: the unit asks the office for a later deadline, and the office decides. Before, the unit
 * phoned: neither the request, its reason nor the decision left a record. Each step takes the path of
 * every task command ({@link TaskGuard}: 404, unit scope 403, If-Match 412, state 409) and is published
 * and audited with the task; an approval moves the deadline through the office's own move
 * ({@link TaskService#moveDeadline}), so the event, the task's lastDeadlineChange, the unit's mail and
 * the overdue episodes are what they are for any move.
 */
@ApplicationScoped
@Transactional
public class DeadlineExtensions {

    /** Said before the request's reason in the move an approval makes: the unit asked for it. */
    static final String ASKED = "（经申请）";

    private final TaskGuard guard;
    private final TaskEvents events;
    private final TaskService tasks;
    private final Clock clock;
    private final InstantText instants;

    public DeadlineExtensions(TaskGuard guard, TaskEvents events, TaskService tasks, Clock clock, InstantText instants) {
        this.guard = guard;
        this.events = events;
        this.tasks = tasks;
        this.clock = clock;
        this.instants = instants;
    }

    /**
     * Asks for {@code input}'s deadline: while the deadline still runs against the unit (neither claimed
     * nor closed out, 409), no other request pending (409), a date after the current deadline and not
     * already past (400 naming requestedDeadline).
     */
    public DeadlineExtensionView request(UUID taskId, Long expectedVersion, DeadlineExtensionInput input, String requester) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.DEADLINE_RUNS);
        requireNonePending(task);
        OffsetDateTime now = OffsetDateTime.now(clock);
        requireLater(task.deadline, input.requestedDeadline(), now.toLocalDate());
        DeadlineExtensionRequest request = new DeadlineExtensionRequest();
        request.id = UUID.randomUUID();
        request.taskId = task.id;
        request.requestedDeadline = input.requestedDeadline();
        request.deadlineAtRequest = task.deadline;
        request.reason = input.reason().strip();
        request.requestedBy = requester;
        request.requestedAt = now;
        request.status = ExtensionStatus.PENDING;
        request.persist();
        task.pendingExtensionId = request.id;
        TaskSnapshot snapshot = events.publishWithRequest(task, s -> new TasksEvent.TaskDeadlineExtensionRequested(s,
                request.id, request.requestedDeadline, request.reason), DeadlineExtensionView.of(request, null));
        return DeadlineExtensionView.of(request, snapshot);
    }

    /**
     * The office agrees: the deadline becomes the one asked for, as if the office had moved it, the
     * request's reason (and the note) being the move's. 409 when the request was decided already, or
     * when the deadline has reached the date asked for since (the office moved it meanwhile): there is
     * nothing left to grant, and the office refuses it instead.
     */
    public DeadlineExtensionView approve(UUID taskId, UUID requestId, Long expectedVersion, String note, String approver) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        DeadlineExtensionRequest request = pendingRequest(task, requestId);
        if (!request.requestedDeadline.isAfter(task.deadline)) {
            throw ApiException.conflict("the deadline is " + task.deadline + " since the request for "
                    + request.requestedDeadline + " was made: approving it would not move it later; refuse it instead")
                    .with("field", "requestedDeadline");
        }
        request.decided(ExtensionStatus.APPROVED, note, approver, OffsetDateTime.now(clock));
        task.pendingExtensionId = null;
        TaskSnapshot snapshot = tasks.moveDeadline(task, request.requestedDeadline, moveReason(request.reason, note), approver);
        return DeadlineExtensionView.of(request, snapshot);
    }

    /** The office refuses, saying why; the deadline stays and the unit's officers are told. */
    public DeadlineExtensionView refuse(UUID taskId, UUID requestId, Long expectedVersion, String reason, String refuser) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        DeadlineExtensionRequest request = pendingRequest(task, requestId);
        request.decided(ExtensionStatus.REFUSED, reason.strip(), refuser, OffsetDateTime.now(clock));
        task.pendingExtensionId = null;
        TaskSnapshot snapshot = events.publishWithRequest(task, s -> new TasksEvent.TaskDeadlineExtensionRefused(s,
                request.id, request.requestedDeadline, request.decisionNote, refuser), DeadlineExtensionView.of(request, null));
        return DeadlineExtensionView.of(request, snapshot);
    }

    /**
     * The task's requests, newest first, with the task's version, read first as for its evidence
     * ({@code EvidenceEntries.ofTask}); 404 when there is no such task.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskPart<List<DeadlineExtensionView>> ofTask(UUID taskId) {
        RectificationTask task = guard.find(taskId);
        return new TaskPart<>(DeadlineExtensionRequest.<DeadlineExtensionRequest>list("taskId",
                        Sort.descending("requestedAt", "id"), taskId)
                .stream().map(r -> DeadlineExtensionView.of(r, null)).toList(), task.version);
    }

    /** One request of the task; 404 when the task has no such request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadlineExtensionView find(UUID taskId, UUID requestId) {
        guard.find(taskId);
        return DeadlineExtensionView.of(requestOf(taskId, requestId), null);
    }

    /** The reason of the move an approval makes: the unit's, marked as asked for, and the office's note if any. */
    static String moveReason(String requestReason, String note) {
        return ASKED + requestReason + (note == null ? "" : "（审批意见：" + note + "）");
    }

    private static void requireNonePending(RectificationTask task) {
        if (task.pendingExtensionId != null) {
            DeadlineExtensionRequest pending = DeadlineExtensionRequest.findById(task.pendingExtensionId);
            throw ApiException.conflict("a deadline extension request of this task is waiting for the office's decision"
                            + " (to " + pending.requestedDeadline + ", by " + pending.requestedBy + "); one at a time")
                    .with("pendingRequestId", pending.id);
        }
    }

    /** 400 naming requestedDeadline unless it is after the current deadline and not already past today. */
    static void requireLater(LocalDate deadline, LocalDate requested, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!requested.isAfter(deadline)) {
            errors.add(new FieldError("requestedDeadline", "must be after the task's current deadline (" + deadline + ")"));
        } else if (requested.isBefore(today)) {
            errors.add(new FieldError("requestedDeadline", "must not be before today (" + today
                    + "): a date already past gives no more time"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private DeadlineExtensionRequest pendingRequest(RectificationTask task, UUID requestId) {
        DeadlineExtensionRequest request = requestOf(task.id, requestId);
        if (!request.pending()) {
            throw ApiException.conflict("this deadline extension request was " + request.status + " by "
                    + request.decidedBy + " at " + instants.format(request.decidedAt) + " already")
                    .with("requestStatus", request.status);
        }
        return request;
    }

    private static DeadlineExtensionRequest requestOf(UUID taskId, UUID requestId) {
        DeadlineExtensionRequest request = DeadlineExtensionRequest.findById(requestId);
        if (request == null || !request.taskId.equals(taskId)) {
            throw ApiException.notFound("deadline extension request", requestId);
        }
        return request;
    }
}
