package io.rectification.feedback.feedback;

import io.rectification.feedback.intake.Language;
import io.rectification.feedback.intake.Messages;
import io.rectification.feedback.intake.PublicProblems;
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
        var zone = Publication.<Publication>findById(feedback.publicationId).window().zone();
        boolean answered = feedback.answeredAt != null;
        TrackingView view = new TrackingView(TrackingCodes.display(code), feedback.status, feedback.receivedAt,
                feedback.replyDueAt.atZoneSameInstant(zone).toLocalDate(), feedback.answeredAt, feedback.closedAt,
                answered ? feedback.answer : null);
        return new Tracked(view, feedback.category, feedback.lastChangedAt(), feedback.replyDueAt);
    }

    public record Tracked(TrackingView view, FeedbackCategory category, OffsetDateTime updatedAt,
                          OffsetDateTime replyDueAt) {
    }
}
