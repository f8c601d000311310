package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import io.rectification.feedback.feedback.FeedbackSnapshot;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.ledger.EscalationReplies;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/**
 * What tasks-service made of an escalation, applied to the feedback: the problem it became
 * (FeedbackLinkedToProblem), or the reason it could not (→ ESCALATION_REFUSED, FeedbackEscalationFailed),
 * after which staff may escalate again, answer or close. Runs in the consumer's transaction; the
 * actor on the history and audit trail is tasks-service. Each is applied once: a repeated link or
 * a refusal of a feedback no longer waiting on its escalation changes nothing. The feedback is
 * locked first, as by every staff step, so a reply arriving during a step waits for it and is judged
 * on what it committed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EscalationOutcomes implements EscalationReplies {

    static final String ACTOR = "tasks-service";
    private static final Logger LOG = Logger.getLogger(EscalationOutcomes.class);

    private final EventPublisher publisher;
    private final Clock clock;

    public EscalationOutcomes(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void becameProblem(UUID feedbackId, UUID problemId) {
        Feedback feedback = StaffFeedbackService.lock(feedbackId).orElse(null);
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
                snapshot -> new FeedbackEvent.FeedbackLinkedToProblem(snapshot, problemId));
    }

    @Override
    public void refused(UUID feedbackId, Long feedbackVersion, String field, String reason) {
        Feedback feedback = StaffFeedbackService.lock(feedbackId).orElse(null);
        if (feedback == null || feedback.status != FeedbackStatus.ESCALATED || feedback.escalatedProblemId != null) {
            LOG.debugf("refused escalation of feedback %s: not waiting on an escalation here", feedbackId);
            return;
        }
        if (feedbackVersion != null && feedback.escalationVersion != null
                && !feedbackVersion.equals(feedback.escalationVersion)) {
            // refused and escalated again since: this refusal, late or redelivered, is of the earlier one
            LOG.debugf("refused escalation of feedback %s at version %d: the one waiting is version %d", feedbackId,
                    feedbackVersion, feedback.escalationVersion);
            return;
        }
        String shown = reason.length() <= 480 ? reason : reason.substring(0, 479) + "…";
        feedback.status = FeedbackStatus.ESCALATION_REFUSED;
        feedback.escalationRefusedReason = shown;
        publish(feedback, "ESCALATION_REFUSED", "tasks-service refused the escalation: " + shown,
                snapshot -> new FeedbackEvent.FeedbackEscalationFailed(snapshot, field, shown));
    }

    private void publish(Feedback feedback, String action, String detail,
                         Function<FeedbackEvent.FeedbackSnapshot, FeedbackEvent.FeedbackChange> event) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        feedback.updatedAt = now;
        feedback.persistAndFlush();
        FeedbackHistoryEntry.record(feedback.id, now, ACTOR, action, detail.length() <= 500 ? detail : detail.substring(0, 499) + "…");
        FeedbackSnapshot snapshot = FeedbackSnapshot.of(feedback);
        publisher.publish(ACTOR, Feedback.AGGREGATE, feedback.id.toString(), feedback.version,
                event.apply(snapshot.published()), snapshot);
    }
}
