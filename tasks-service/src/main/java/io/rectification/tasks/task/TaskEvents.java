package io.rectification.tasks.task;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Appends one Task event to the outbox in the caller's transaction, and the same change into the
 * audit trail. The caller says which event from the task's snapshot after the change, e.g.
 * {@code publish(task, TasksEvent.TaskUpdated::new)} or
 * {@code publish(task, s -> new TasksEvent.TaskReopened(s, reason, reviewId))}. Flushes first so
 * the snapshot carries the version after the change.
 */
@ApplicationScoped
public class TaskEvents {

    static final String AGGREGATE = "Task";

    private final LedgerEvents events;
    private final TaskSnapshots snapshots;
    private final Clock clock;

    public TaskEvents(LedgerEvents events, TaskSnapshots snapshots, Clock clock) {
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publish(RectificationTask task, Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, event, null);
    }

    /** TaskUpdated for a new or replaced evidence file: the audit entry records the file beside the task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishEvidenceFile(RectificationTask task, Object evidenceFile) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, TasksEvent.TaskUpdated::new, evidenceFile);
    }

    /** For a task just persisted: no touch, so it is inserted at version 0 and not updated at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishNew(RectificationTask task) {
        return append(task, TasksEvent.TaskCreated::new, null);
    }

    private TaskSnapshot append(RectificationTask task, Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event,
                                Object evidenceFile) {
        RectificationTask.getEntityManager().flush();
        TaskSnapshot snapshot = snapshots.of(task);
        events.publish(AGGREGATE, task.id, task.version, event.apply(snapshot.published()),
                evidenceFile == null ? snapshot : new TaskAuditState(snapshot, evidenceFile));
        return snapshot;
    }
}
