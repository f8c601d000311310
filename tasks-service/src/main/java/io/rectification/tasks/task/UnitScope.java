package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An officer (具体责任人) works only on the tasks of their own unit: the token's {@code unit} claim
 * must be the task's responsible unit. Coordinators and supervisors act on every task (the operator,
 * admin, on none: its role admits no task command). A task's evidence (台账, minutes, internal
 * documents) is its unit's too, read under the same rule; the rest of the ledger is shared.
 */
@ApplicationScoped
public class UnitScope {

    private final CurrentActor actor;

    public UnitScope(CurrentActor actor) {
        this.actor = actor;
    }

    public void requireMayWorkOn(RectificationTask task) {
        require(task.responsibleUnit, "officers act only on the tasks of their unit; this task");
    }

    public void requireMayReadEvidenceOf(RectificationTask task) {
        require(task.responsibleUnit, "officers read the evidence only of the tasks of their unit; this task");
    }

    /**
     * The same rule for anything else a unit is responsible for (a meeting decision): {@code what}
     * completes "officers act only on …" and names the thing, e.g. "the decisions of their unit; this decision".
     */
    public void requireOwnUnit(String responsibleUnit, String what) {
        require(responsibleUnit, "officers act only on " + what);
    }

    private void require(String responsibleUnit, String rule) {
        if (actor.isAnonymous() || actor.hasRole(Roles.COORDINATOR) || actor.hasRole(Roles.SUPERVISOR)) {
            return;
        }
        if (!actor.unit().equals(responsibleUnit)) {
            throw new ApiException(403, "Forbidden", rule + " belongs to " + responsibleUnit);
        }
    }
}
