package io.rectification.tasks.work;

import io.rectification.platform.contract.TasksEvent;
import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.task.LifecycleRule;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskPart;
import io.rectification.tasks.task.TaskGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 佐证材料: the evidence entries of a task (their files: {@link EvidenceFiles}); fixed while a claim waits on the
 * supervisor and once the task is closed out.
 */
@ApplicationScoped
@Transactional
public class EvidenceEntries {

    private final TaskGuard guard;
    private final TaskEvents events;
    private final Clock clock;

    public EvidenceEntries(TaskGuard guard, TaskEvents events, Clock clock) {
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    public TaskPart<EvidenceView> add(UUID taskId, Long expectedVersion, EvidenceInput input, String recordedBy) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.EVIDENCE_OPEN);
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.taskId = task.id;
        evidence.type = input.type();
        evidence.title = input.title().strip();
        evidence.reference = OptionalText.of(input.reference()); // a blank reference is none: nothing to look up
        evidence.date = input.date();
        evidence.recordedBy = recordedBy;
        evidence.recordedAt = OffsetDateTime.now(clock);
        evidence.persist();
        long version = events.publish(task, TasksEvent.TaskUpdated::new).version();
        return new TaskPart<>(EvidenceView.of(evidence, null), version);
    }

    /**
     * Removes an entry that has no file yet: one added whose file was refused (an executable named .pdf),
     * or added by mistake, which otherwise stood in the list for good, counted as evidence with nothing in
     * it. Guarded as every change of the evidence (unit scope, If-Match, not while claimed or closed out:
     * {@link LifecycleRule#EVIDENCE_OPEN}); an entry with its file is evidence given, replaced by another
     * file, never removed (409). The audit entry records the entry removed; answers the task's version after.
     */
    public long remove(UUID taskId, UUID evidenceId, Long expectedVersion) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.EVIDENCE_OPEN);
        Evidence evidence = require(taskId, evidenceId);
        if (EvidenceFile.findByIdOptional(evidence.id).isPresent()) {
            throw ApiException.conflict("the evidence entry " + evidenceId + " has its file; an entry with a file is not"
                    + " removed: replace the file at /tasks/" + taskId + "/evidence/" + evidenceId + "/file")
                    .with("evidenceId", evidenceId);
        }
        EvidenceView removed = EvidenceView.of(evidence, null);
        evidence.delete();
        return events.publishEvidenceRemoved(task, removed).version();
    }

    /**
     * The task's evidence with its files described, and the task's version (read first: a change between
     * the two reads moves it past the list, so a later If-None-Match never passes off a list older than
     * its tag): two queries besides the task however many entries there are.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskPart<List<EvidenceView>> ofTask(UUID taskId) {
        RectificationTask task = guard.findForEvidence(taskId);
        List<Evidence> entries = Evidence.list("taskId", Sort.by("date").and("recordedAt"), taskId);
        Map<UUID, EvidenceFile> files = entries.isEmpty() ? Map.of()
                : EvidenceFile.<EvidenceFile>list("evidenceId in ?1", entries.stream().map(e -> e.id).toList()).stream()
                .collect(Collectors.toMap(f -> f.evidenceId, Function.identity()));
        return new TaskPart<>(entries.stream().map(e -> EvidenceView.of(e, files.get(e.id))).toList(), task.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceView find(UUID taskId, UUID evidenceId) {
        guard.findForEvidence(taskId);
        Evidence evidence = require(taskId, evidenceId);
        return EvidenceView.of(evidence, EvidenceFile.<EvidenceFile>findByIdOptional(evidence.id).orElse(null));
    }

    static Evidence require(UUID taskId, UUID evidenceId) {
        return Evidence.<Evidence>find("id = ?1 and taskId = ?2", evidenceId, taskId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("evidence", evidenceId));
    }
}
