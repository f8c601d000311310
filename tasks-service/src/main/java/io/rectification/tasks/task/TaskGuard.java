package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.support.Cancellation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The one way a command gets the task it changes, guarded in a fixed order: load (404), the
 * caller's unit scope (403), cancelled (409 with {@code cancelledAt}: a task cancelled as entered by
 * mistake, 撤销, changes no more, and reloading would not help, so it is said before If-Match), If-Match
 * (412: a version before the task's last change; versions that follow-up notices moved since do not
 * count), then what the command needs of the task's state (409, saying who put it in that state:
 * {@link StateRefusals}). Every task command goes through
 * {@link #load}, so none can forget a step.
 */
@ApplicationScoped
public class TaskGuard {

    private final UnitScope unitScope;
    private final StateRefusals refusals;
    private final InstantText instants;

    public TaskGuard(UnitScope unitScope, StateRefusals refusals, InstantText instants) {
        this.unitScope = unitScope;
        this.refusals = refusals;
        this.instants = instants;
    }

    /** @param expectedVersion the version If-Match named, or null when it was not sent (where that is allowed) */
    @Transactional(Transactional.TxType.MANDATORY)
    public RectificationTask load(UUID taskId, Long expectedVersion, LifecycleRule rule) {
        RectificationTask task = find(taskId);
        unitScope.requireMayWorkOn(task);
        Cancellation.requireStanding("task " + taskId, task.cancellation, task.version, instants);
        Versions.checkSinceEdit(expectedVersion, task.editedVersion, task.version, "task " + taskId);
        try {
            rule.check(task);
        } catch (ApiException refused) {
            throw refusals.explained(refused, task);
        }
        return task;
    }

    /** The task for reading, or 404; reads of the shared ledger are not unit-scoped. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RectificationTask find(UUID taskId) {
        return RectificationTask.<RectificationTask>findByIdOptional(taskId)
                .orElseThrow(() -> ApiException.notFound("task", taskId));
    }

    /** The task whose evidence is read: 404, then the caller's unit scope (403), as for a command. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RectificationTask findForEvidence(UUID taskId) {
        RectificationTask task = find(taskId);
        unitScope.requireMayReadEvidenceOf(task);
        return task;
    }
}
