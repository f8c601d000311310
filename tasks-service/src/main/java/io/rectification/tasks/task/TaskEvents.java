package io.rectification.tasks.task;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        return append(task, event, snapshot -> snapshot);
    }

    /**
     * A follow-up notice (TaskOverdue, TaskProgressReportMissing, TaskLookBackDue): nothing of the
     * task changes, yet its event must carry a new version, since consumers keep a task's snapshot by
     * version. So the version alone is moved (a forced increment, which also locks the row for the
     * rest of the transaction), not {@code updatedAt} nor the edited version: an If-Match read before
     * the notice still holds, as nothing anyone edits has changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishNotice(RectificationTask task, Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event) {
        RectificationTask.getEntityManager().lock(task, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return append(task, event, snapshot -> snapshot);
    }

    /** TaskUpdated for a new or replaced evidence file: the audit entry records the file beside the task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishEvidenceFile(RectificationTask task, Object evidenceFile) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, TasksEvent.TaskUpdated::new, s -> TaskAuditState.fileAttached(s, evidenceFile));
    }

    /** TaskUpdated for an evidence entry removed: the audit entry records the entry beside the task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishEvidenceRemoved(RectificationTask task, Object removedEntry) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, TasksEvent.TaskUpdated::new, s -> TaskAuditState.entryRemoved(s, removedEntry));
    }

    /**
     * A deadline extension request made or refused: the audit entry records the request (its reason,
     * the decision's) beside the task.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishWithRequest(RectificationTask task, Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event,
                                           DeadlineExtensionView request) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, event, s -> TaskAuditState.withRequest(s, request));
    }

    /**
     * For tasks just persisted with their stage goals and indicators: TaskCreated for each, then an
     * IndicatorRecorded for each value its plan states. The values are part of the creation, yet each
     * event moves the version, as every task event does (a consumer keeps the snapshot of the highest):
     * TaskCreated carries version 0 and the n-th value version n, the version the task was stored at
     * ({@code TaskService.createCheckedTasks}), so the task is written once, not touched per value.
     * A fixed number of statements however many tasks: one flush of the batched inserts, the parts of
     * all of them at once, and one append of all the events and audit entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TaskSnapshot> publishNew(List<RectificationTask> tasks, Map<UUID, List<RecordedValue>> initialValues) {
        RectificationTask.getEntityManager().flush();
        List<TaskSnapshot> created = snapshots.of(tasks);
        List<EventPublisher.Change> changes = new ArrayList<>();
        for (TaskSnapshot snapshot : created) {
            List<RecordedValue> values = initialValues.getOrDefault(snapshot.id(), List.of());
            long version = snapshot.version() - values.size();
            if (version != 0) {
                throw new IllegalStateException("task " + snapshot.id() + " was stored at version " + snapshot.version()
                        + " for " + values.size() + " first value(s)");
            }
            TasksEvent.TaskSnapshot published = snapshot.published();
            changes.add(change(snapshot, version, new TasksEvent.TaskCreated(published.atVersion(version))));
            for (RecordedValue value : values) {
                version++;
                changes.add(change(snapshot, version, value.published(published.atVersion(version))));
            }
        }
        events.publishAll(changes);
        return created;
    }

    private static EventPublisher.Change change(TaskSnapshot snapshot, long version, TasksEvent event) {
        return new EventPublisher.Change(AGGREGATE, snapshot.id().toString(), version, event, snapshot);
    }

    /** {@code audited}: the state the audit trail records, from the snapshot (the snapshot itself, or more). */
    private TaskSnapshot append(RectificationTask task, Function<TasksEvent.TaskSnapshot, TasksEvent.TaskChange> event,
                                Function<TaskSnapshot, Object> audited) {
        RectificationTask.getEntityManager().flush();
        TaskSnapshot snapshot = snapshots.of(task);
        events.publish(AGGREGATE, task.id, task.version, event.apply(snapshot.published()), audited.apply(snapshot));
        return snapshot;
    }
}
