package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * An officer (具体责任人) works only on the tasks of their own unit: the token's {@code unit} claim
 * must be the task's responsible unit. Coordinators and supervisors act on every task (the operator,
 * admin, on none: its role admits no task command). A task's evidence (台账, minutes, internal
 * documents) is its unit's too, read under the same rule, and a meeting's minutes are the units'
 * it gave a decision to; the rest of the ledger is shared.
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
     * A meeting's minutes (会议纪要) are read by the officers of the units holding one of its decisions
     * ({@code decisionUnits}): the record of what was said about their work, not of every unit's.
     */
    public void requireMayReadMinutesOf(Collection<String> decisionUnits) {
        if (actsForEveryUnit() || decisionUnits.contains(actor.unit())) {
            return;
        }
        throw new ApiException(403, "Forbidden", "officers read the minutes only of meetings that gave their unit a decision; "
                + (decisionUnits.isEmpty() ? "this meeting gave no unit a decision"
                : "this meeting's decisions are for " + String.join("、", new LinkedHashSet<>(decisionUnits))));
    }

    /**
     * The same rule for anything else a unit is responsible for (a meeting decision): {@code what}
     * completes "officers act only on …" and names the thing, e.g. "the decisions of their unit; this decision".
     */
    public void requireOwnUnit(String responsibleUnit, String what) {
        require(responsibleUnit, "officers act only on " + what);
    }

    private void require(String responsibleUnit, String rule) {
        if (actsForEveryUnit()) {
            return;
        }
        if (!actor.unit().equals(responsibleUnit)) {
            throw new ApiException(403, "Forbidden", rule + " belongs to " + responsibleUnit);
        }
    }

    /** The office and the supervisors act for every unit, as does a call with no caller (the REST layer refuses those it must). */
    private boolean actsForEveryUnit() {
        return actor.isAnonymous() || actor.hasRole(Roles.COORDINATOR) || actor.hasRole(Roles.SUPERVISOR);
    }
}
