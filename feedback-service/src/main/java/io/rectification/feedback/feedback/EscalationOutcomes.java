package io.rectification.feedback.feedback;

import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * What tasks-service made of an escalation, applied to the feedback: the problem it became
 * (FeedbackLinkedToProblem), or the reason it could not (→ ESCALATION_REFUSED, FeedbackEscalationFailed),
 * after which staff may escalate again, answer or close. Runs in the consumer's transaction; the
 * actor on the history and audit trail is tasks-service. Each is applied once: a repeated link or
 * a refusal of a feedback no longer waiting on its escalation changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EscalationOutcomes {

    static final String ACTOR = "tasks-service";
    private static final Logger LOG = Logger.getLogger(EscalationOutcomes.class);

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public EscalationOutcomes(Outbox outbox, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public void becameProblem(UUID feedbackId, UUID problemId) {
        Feedback feedback = Feedback.findById(feedbackId);
        if (feedback == null) {
            LOG.debugf("problem %s names feedback %s, which is not here", problemId, feedbackId);
            return;
        }
        if (problemId.equals(feedback.escalatedProblemId)) {
            return;
        }
        feedback.escalatedProblemId = problemId;
        feedback.escalationRefusedReason = null;
        if (feedback.status == FeedbackStatus.ESCALATION_REFUSED) {
            feedback.status = FeedbackStatus.ESCALATED;
        }
        publish(feedback, "BECAME_PROBLEM", "registered by tasks-service as problem " + problemId,
                "FeedbackLinkedToProblem", snapshot -> new FeedbackSnapshot.Linked(snapshot, problemId));
    }

    public void refused(UUID feedbackId, String field, String reason) {
        Feedback feedback = Feedback.findById(feedbackId);
        if (feedback == null || feedback.status != FeedbackStatus.ESCALATED || feedback.escalatedProblemId != null) {
            LOG.debugf("refused escalation of feedback %s: not waiting on an escalation here", feedbackId);
            return;
        }
        String shown = reason.length() <= 480 ? reason : reason.substring(0, 479) + "…";
        feedback.status = FeedbackStatus.ESCALATION_REFUSED;
        feedback.escalationRefusedReason = shown;
        publish(feedback, "ESCALATION_REFUSED", "tasks-service refused the escalation: " + shown,
                "FeedbackEscalationFailed", snapshot -> new FeedbackSnapshot.Failed(snapshot, field, shown));
    }

    private void publish(Feedback feedback, String action, String detail, String eventType,
                         Function<FeedbackSnapshot, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        feedback.updatedAt = now;
        feedback.persistAndFlush();
        FeedbackHistoryEntry.record(feedback.id, now, ACTOR, action, detail.length() <= 500 ? detail : detail.substring(0, 499) + "…");
        FeedbackSnapshot snapshot = FeedbackSnapshot.of(feedback);
        outbox.append(EventTopics.FEEDBACK, FeedbackIntakeService.AGGREGATE, feedback.id.toString(), feedback.version,
                eventType, data.apply(snapshot));
        audit.recordChange(ACTOR, eventType, FeedbackIntakeService.AGGREGATE, feedback.id.toString(), snapshot);
    }
}
