package io.rectification.tasks.feedback;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * An escalation tasks-service cannot apply (its inspection is unknown here, its title or
 * description unusable) is answered with FeedbackEscalationRefused on the tasks topic instead of
 * only being dead-lettered, so feedback-service can show staff why and let them escalate again.
 * The event's subject and version are the feedback's, as the escalation carried them; the reason is
 * written here and never repeats what the public or staff wrote.
 */
@ApplicationScoped
public class EscalationRefusals {

    static final String AGGREGATE = "FeedbackEscalation";

    private final LedgerEvents events;

    public EscalationRefusals(LedgerEvents events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refuse(UUID feedbackId, long feedbackVersion, UUID inspectionId, String field, String reason) {
        TasksEvent.FeedbackEscalationRefused refusal = new TasksEvent.FeedbackEscalationRefused(feedbackId,
                feedbackVersion, inspectionId, field, reason);
        events.publish(AGGREGATE, feedbackId, feedbackVersion, refusal, refusal);
    }
}
