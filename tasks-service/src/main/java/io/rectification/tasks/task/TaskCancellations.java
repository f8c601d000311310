package io.rectification.tasks.task;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.contract.TasksEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * 撤销: the office cancels a task entered by mistake, alone or with its problem or area. The task keeps
 * its state (cancelled is not a state) and changes no more ({@link TaskGuard}); no list shows it by
 * default, no figure counts it, no follow-up is due on it. A task closed out (VERIFIED, CONSOLIDATING) is
 * not cancelled ({@link LifecycleRule#CANCELLABLE}). What was pending on it ends undecided: a claim of
 * completion waits on no one, and a deadline extension request (延期申请) is closed as refused by the
 * cancellation, without an event of its own (TaskCancelled says all there is to say).
 */
@ApplicationScoped
@Transactional
public class TaskCancellations {

    /** What a pending deadline extension request's decision says when the task is cancelled under it. */
    static final String EXTENSION_CLOSED = "任务已撤销，延期申请不再审批";

    private final TaskGuard guard;
    private final TaskEvents events;
    private final Clock clock;

    public TaskCancellations(TaskGuard guard, TaskEvents events, Clock clock) {
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** POST /tasks/{id}/cancellation: guarded as every command (404, scope, 409 cancelled, 412, 409 closed out). */
    public TaskSnapshot cancel(UUID taskId, long expectedVersion, String reason, String canceller) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.CANCELLABLE);
        return cancel(task, reason, canceller);
    }

    /**
     * The tasks of {@code problemId} that stand, cancelled with it in number order, each by its own
     * TaskCancelled. The caller checked first that none is closed out ({@link #closedOf}).
     */
    public void cancelTasksOf(UUID problemId, String reason, String canceller) {
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "problemId = ?1 and cancellation.at is null", Sort.by("number"), problemId)) {
            cancel(task, reason, canceller);
        }
    }

    /** A task closed out that keeps its problem from being cancelled: {@code closedTasks} of the 409. */
    public record ClosedTask(UUID id, UUID problemId, int number, String title, TaskState state) {
    }

    /** The tasks of {@code problemIds} closed out (VERIFIED, CONSOLIDATING), that stand, by problem and number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClosedTask> closedOf(Collection<UUID> problemIds) {
        if (problemIds.isEmpty()) {
            return List.of();
        }
        return RectificationTask.<RectificationTask>list("problemId in ?1 and state in ?2 and cancellation.at is null",
                        Sort.by("problemId").and("number"), List.copyOf(problemIds), TaskLifecycle.CLOSED).stream()
                .map(t -> new ClosedTask(t.id, t.problemId, t.number, t.title, t.state)).toList();
    }

    private TaskSnapshot cancel(RectificationTask task, String reason, String canceller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (task.pendingExtensionId != null) {
            DeadlineExtensionRequest pending = DeadlineExtensionRequest.findById(task.pendingExtensionId);
            pending.decided(ExtensionStatus.REFUSED, EXTENSION_CLOSED, canceller, now);
        }
        task.cancel(reason, canceller, now);
        return events.publish(task, TasksEvent.TaskCancelled::new);
    }
}
