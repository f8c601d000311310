package io.rectification.tasks.work;

import io.rectification.tasks.task.LifecycleRule;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskPart;
import io.rectification.tasks.task.TaskGuard;
import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Evidence files: attached to an entry of a task as its other evidence is, checked by {@link EvidenceContent}. */
@ApplicationScoped
@Transactional
public class EvidenceFiles {

    private final TaskGuard guard;
    private final TaskEvents events;
    private final EvidenceContent checks;
    private final Clock clock;

    public EvidenceFiles(TaskGuard guard, TaskEvents events, EvidenceContent checks, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.events = events;
        this.checks = checks;
    }

    /**
     * Attaches or replaces the file: a task command like any other, guarded by {@link TaskGuard}. The first
     * file of an entry needs no If-Match; replacing one does (428 without it), since two uploads sent at once
     * without it both succeeded, the second silently replacing the first. The entry's row is locked before
     * its file is looked at, so of two uploads at once the second sees the first's file (then 428, or 412
     * for the version it names).
     */
    public TaskPart<EvidenceFileView> attach(UUID taskId, UUID evidenceId, Long expectedVersion, String contentType,
                                      String filename, byte[] content) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.EVIDENCE_OPEN);
        Evidence evidence = EvidenceEntries.require(taskId, evidenceId);
        Evidence.getEntityManager().lock(evidence, LockModeType.PESSIMISTIC_WRITE);
        EvidenceFile file = EvidenceFile.<EvidenceFile>findByIdOptional(evidence.id).orElseGet(EvidenceFile::new);
        boolean isNew = file.evidenceId == null;
        if (!isNew && expectedVersion == null) {
            throw new ApiException(428, "Precondition required", "evidence " + evidenceId + " already has its file ("
                    + file.filename + "): replacing it needs If-Match with the task's ETag read before, so that a file"
                    + " someone else uploaded meanwhile is not replaced unseen");
        }
        EvidenceContent.Checked checked = checks.check(contentType, filename, content);
        file.evidenceId = evidence.id;
        file.store(checked, content, OffsetDateTime.now(clock));
        if (isNew) {
            file.persist();
        }
        EvidenceFileView view = EvidenceFileView.of(file);
        long version = events.publishEvidenceFile(task, new AttachedFile(evidence.id, view)).version();
        return new TaskPart<>(view, version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceFile requireFile(UUID taskId, UUID evidenceId) {
        guard.findForEvidence(taskId);
        Evidence evidence = EvidenceEntries.require(taskId, evidenceId);
        return EvidenceFile.<EvidenceFile>findByIdOptional(evidence.id)
                .orElseThrow(() -> ApiException.notFound("file of evidence", evidenceId));
    }
}
