package io.rectification.tasks.task;

import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends one Task event to the outbox in the caller's transaction: {task: snapshot} plus the
 * event's own members, and the same change into the audit trail. Flushes first so the snapshot
 * carries the version after the change.
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
    public TaskSnapshot publish(RectificationTask task, String eventType) {
        return publish(task, eventType, Map.of());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publish(RectificationTask task, String eventType, Map<String, Object> specific) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, eventType, specific, null);
    }

    /** TaskUpdated for a new or replaced evidence file: the audit entry records the file beside the task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishEvidenceFile(RectificationTask task, Object evidenceFile) {
        task.touch(OffsetDateTime.now(clock));
        return append(task, "TaskUpdated", Map.of(), evidenceFile);
    }

    /** For a task just persisted: no touch, so it is inserted at version 0 and not updated at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskSnapshot publishNew(RectificationTask task, String eventType) {
        return append(task, eventType, Map.of(), null);
    }

    private TaskSnapshot append(RectificationTask task, String eventType, Map<String, Object> specific,
                                Object evidenceFile) {
        RectificationTask.getEntityManager().flush();
        TaskSnapshot snapshot = snapshots.of(task);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", snapshot);
        data.putAll(specific);
        events.publish(AGGREGATE, task.id, task.version, eventType, data,
                evidenceFile == null ? snapshot : new TaskAuditState(snapshot, evidenceFile));
        return snapshot;
    }
}
