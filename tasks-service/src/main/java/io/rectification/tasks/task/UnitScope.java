package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An officer (具体责任人) works only on the tasks of their own unit: the token's {@code unit} claim
 * must be the task's responsible unit. Coordinators, supervisors and admins act on every task.
 */
@ApplicationScoped
public class UnitScope {

    private final CurrentActor actor;

    public UnitScope(CurrentActor actor) {
        this.actor = actor;
    }

    public void requireMayWorkOn(RectificationTask task) {
        requireOwnUnit(task.responsibleUnit, "the tasks of their unit; this task");
    }

    /**
     * The same rule for anything else a unit is responsible for (a meeting decision): {@code what}
     * completes "officers act only on …" and names the thing, e.g. "the decisions of their unit; this decision".
     */
    public void requireOwnUnit(String responsibleUnit, String what) {
        if (actor.isAnonymous() || actor.hasRole(Roles.COORDINATOR) || actor.hasRole(Roles.SUPERVISOR)
                || actor.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!actor.unit().equals(responsibleUnit)) {
            throw new ApiException(403, "Forbidden", "officers act only on " + what + " belongs to " + responsibleUnit);
        }
    }
}
