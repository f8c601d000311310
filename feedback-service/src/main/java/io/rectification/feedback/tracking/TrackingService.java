package io.rectification.feedback.tracking;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.FeedbackStep;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.publication.Publication;
import io.rectification.platform.error.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/** A submitter's view of their feedback, by tracking code. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrackingService {

    private final LedgerReadModel ledger;

    public TrackingService(LedgerReadModel ledger) {
        this.ledger = ledger;
    }

    public TrackingView track(String typedCode, Language language) {
        return lookUp(typedCode, language).view();
    }

    /** The tracking view plus the category and last change, for the Open311 face. */
    public Tracked lookUp(String typedCode, Language language) {
        String code = TrackingCodes.normalise(typedCode);
        if (code == null) {
            throw PublicProblems.invalid(language, List.of(new ErrorBody.FieldError("code", Messages.get(language, "code.invalid"))));
        }
        Feedback feedback = Feedback.<Feedback>find("trackingCode", code).firstResultOptional()
                .orElseThrow(() -> PublicProblems.notFound(language, "code.unknown"));
        Publication publication = Publication.findById(feedback.publicationId);
        var zone = publication.window().zone();
        Feedback answering = feedback.answering();
        boolean answered = answering.answeredAt != null;
        // Escalated: the problem it became, as the one it was merged into became it too.
        var problem = ledger.problemProgress(answering.escalatedProblemId).orElse(null);
        TrackingView view = new TrackingView(TrackingCodes.display(code), publication.title,
                ledger.inspectionTitle(feedback.inspectionId).orElse(null), publicStatus(feedback.status),
                feedback.receivedAt, ReceivedDay.withoutTime(feedback, zone),
                feedback.replyDueAt.atZoneSameInstant(zone).toLocalDate(), answering.answeredAt,
                answering.answerRevisedAt, feedback.closedAt, answered ? answering.answer : null, problem,
                linkNotice(answering, language));
        return new Tracked(view, feedback.category, feedback.lastChangedAt(), feedback.replyDueAt);
    }

    /**
     * What the submitter is told when the office cancelled (撤销) the part of the ledger their feedback is linked
     * to (the one answering it, as for the answer): that it was entered by mistake and taken out of the ledger;
     * that the feedback will be looked at again only while a triage can still move the link (RECEIVED, TRIAGED).
     * Never the reason written in tasks-service, nor who cancelled it. None for an escalated feedback: it shows
     * the problem it became, which tasks-service does not cancel.
     */
    private String linkNotice(Feedback feedback, Language language) {
        if (feedback.escalatedProblemId != null || feedback.status == FeedbackStatus.ESCALATED
                || ledger.linkCancelledAt(feedback.areaId, feedback.problemId, feedback.taskId) == null) {
            return null;
        }
        return Messages.get(language, FeedbackStep.TRIAGE.allowedFrom(feedback.status) ? "link.cancelled.open"
                : "link.cancelled");
    }

    /** A refused escalation is staff's business: the public sees the feedback still being handled. */
    static FeedbackStatus publicStatus(FeedbackStatus status) {
        return status == FeedbackStatus.ESCALATION_REFUSED ? FeedbackStatus.TRIAGED : status;
    }

    public record Tracked(TrackingView view, FeedbackCategory category, OffsetDateTime updatedAt,
                          OffsetDateTime replyDueAt) {
    }
}
