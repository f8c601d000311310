package io.rectification.tasks.task;

import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.time.InstantText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * A command refused for the task's state says who put it in that state, how and when, from the
 * task's audit trail. Two supervisors deciding one claim at once: the loser read "cannot VERIFY" of a
 * task in IN_PROGRESS and no more, not that the other had just rejected it (integrity review L2).
 */
@ApplicationScoped
public class StateRefusals {

    private final AuditTrail trail;
    private final InstantText instants;

    public StateRefusals(AuditTrail trail, InstantText instants) {
        this.trail = trail;
        this.instants = instants;
    }

    /** {@code refused} with the task's last change of state in its detail and as {@code lastStateChange}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApiException explained(ApiException refused, RectificationTask task) {
        return trail.lastChangeOf(TaskEvents.AGGREGATE, task.id.toString(), "state").map(entry -> {
            OffsetDateTime at = OffsetDateTime.parse(entry.recordedAt());
            return refused.adding("it became " + task.state + " by " + entry.actor() + " (" + entry.action() + ") at "
                            + instants.format(at))
                    .with("lastStateChange", new LastStateChange(task.state, entry.action(), entry.actor(), at));
        }).orElse(refused);
    }

    /** Who moved the task to {@code state}, by which change (its event's type), when. */
    public record LastStateChange(TaskState state, String action, String by, OffsetDateTime at) {
    }
}
