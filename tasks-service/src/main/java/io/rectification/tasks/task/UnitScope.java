package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An officer (具体责任人) works only on the tasks of their own unit: the token's {@code unit} claim
 * must be the task's responsible unit. Coordinators and supervisors act on every task (the operator,
 * admin, on none: its role admits no task command).
 */
@ApplicationScoped
public class UnitScope {

    private final CurrentActor actor;

    public UnitScope(CurrentActor actor) {
        this.actor = actor;
    }

    public void requireMayWorkOn(RectificationTask task) {
        if (actor.isAnonymous() || actor.hasRole(Roles.COORDINATOR) || actor.hasRole(Roles.SUPERVISOR)) {
            return;
        }
        if (!actor.unit().equals(task.responsibleUnit)) {
            throw new ApiException(403, "Forbidden", "officers act only on the tasks of their unit; this task belongs to "
                    + task.responsibleUnit);
        }
    }
}
