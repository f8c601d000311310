package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import io.rectification.feedback.feedback.FeedbackSnapshot;
import io.rectification.feedback.feedback.FeedbackStaffView;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.ReplyDeadlines;
import io.rectification.feedback.feedback.ReplyRule;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.ledger.LedgerReadModel.Placement;
import io.rectification.feedback.ledger.PartOf;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Submitter;
import io.rectification.feedback.publication.DisclosureWindow;
import io.rectification.feedback.publication.Publication;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.platform.ids.TimeOrderedIds;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.text.OptionalText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Takes feedback in from staff, for what came by phone, post or email. The public's own submissions
 * (web form, Open311) take the lean path of {@link PublicIntake}.
 */
@ApplicationScoped
@Transactional
public class FeedbackIntakeService {

    public static final int MAX_TEXT = 4000;
    /** The text of a feedback, public or registered by staff, in words (the OpenAPI documents' description). */
    public static final String TEXT_DESCRIPTION = "The opinion or suggestion: not blank, at most " + MAX_TEXT
            + " characters; line breaks and tabs allowed";

    /**
     * How areaId and taskId of a submission are described. Decided: a part the office cancelled (撤销) since the
     * form was loaded is kept as the submitter chose it, not refused: the citizen's submission is not lost to a
     * correction of the office's; the staff view marks it (linkCancelledAt) for the handler to link anew, and
     * the tracking page says so (linkNotice). A task and an area given together must belong together whether or
     * not either stands (ledger.PartOf#requireUnder, triage's rule); a task given alone places the feedback at
     * its area and problem, as triage's link does, so a feedback is never under a task but outside its area.
     */
    public static final String LINK_DESCRIPTION = "The area or measure (task) it is about, as the public form offers"
            + " them (form-choices); optional. One of the publication's inspection: another inspection's is 400 and one"
            + " not known to feedback-service 422 (retryAfterSeconds), naming the field. A task given with an area must"
            + " be under that area (else 400 naming taskId); a task given alone brings its area and problem, as triage"
            + " links it. Kept also when the office cancelled it (撤销) since the form was loaded: the staff view then"
            + " shows linkCancelledAt and the handler links the feedback anew by triage, and the tracking page says so"
            + " (linkNotice)";

    private final EventPublisher publisher;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final ReplyDeadlines deadlines;
    private final LedgerReadModel ledger;
    private final ReplyRule replyRule;

    public FeedbackIntakeService(EventPublisher publisher, Clock clock, PersonalDataCipher cipher,
                                 ReplyDeadlines deadlines, LedgerReadModel ledger, ReplyRule replyRule) {
        this.ledger = ledger;
        this.replyRule = replyRule;
        this.publisher = publisher;
        this.clock = clock;
        this.cipher = cipher;
        this.deadlines = deadlines;
    }

    /** A feedback that reached staff by phone, post or email, recorded with the day (and time, when given) it was received. */
    public FeedbackStaffView recordFromStaff(StaffFeedbackInput input, String actor, Language language) {
        if (input.channel() == FeedbackChannel.WEB || input.channel() == FeedbackChannel.API) {
            throw ApiException.badRequest("channel", "staff record PHONE, POST or EMAIL; WEB and API submit themselves");
        }
        Publication publication = Publication.<Publication>findByIdOptional(input.publicationId())
                .orElseThrow(() -> ApiException.notFound("publication", input.publicationId()));
        ZoneId zone = publication.window().zone();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (input.receivedOn().isAfter(now.atZoneSameInstant(zone).toLocalDate())) {
            throw ApiException.badRequest("receivedOn", "must not be in the future (today is "
                    + now.atZoneSameInstant(zone).toLocalDate() + " in " + zone.getId() + ")");
        }
        List<ErrorBody.FieldError> errors = new TextChecks(language)
                .required("text", input.text(), MAX_TEXT, true)
                .optional("receiptNumber", input.receiptNumber(), 60, false)
                .contactDetails(input.name(), input.phone(), input.email(), input.address())
                .errors();
        if (!errors.isEmpty()) {
            throw PublicProblems.invalid(language, errors);
        }
        Submitter submitter = new Submitter(OptionalText.of(input.name()), OptionalText.of(input.phone()),
                OptionalText.of(input.email()), OptionalText.of(input.address()));
        // Without a time the day counts, not the hour: a letter registered on the 13th is on time for a
        // window ending that day. A call's time, when given, is kept: it orders the calls of a day and
        // starts the reply deadline when the call came, not at midnight before it.
        OffsetDateTime receivedAt = (input.receivedTime() == null ? input.receivedOn().atStartOfDay(zone)
                : input.receivedOn().atTime(input.receivedTime().truncatedTo(ChronoUnit.SECONDS)).atZone(zone))
                .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        if (receivedAt.isAfter(now)) {
            throw ApiException.badRequest("receivedTime", "must not be in the future (it is now "
                    + now.atZoneSameInstant(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES) + " in " + zone.getId() + ")");
        }
        Placement place = place(publication.inspectionId, input.areaId(), input.taskId());
        Feedback feedback = newFeedback(publication, input.channel(), input.text(), submitter, receivedAt);
        if (place != null) {
            feedback.areaId = place.areaId();
            feedback.problemId = place.problemId();
            feedback.taskId = place.taskId();
        }
        feedback.receiptNumber = OptionalText.of(input.receiptNumber());
        feedback.receivedTimeGiven = input.receivedTime() != null;
        store(feedback, actor, "recorded by staff, received on " + input.receivedOn()
                + (input.receivedTime() == null ? "" : " at " + input.receivedTime().truncatedTo(ChronoUnit.SECONDS))
                + (feedback.receiptNumber == null ? "" : ", receipt " + feedback.receiptNumber));
        return FeedbackStaffView.of(feedback, submitter, null,
                ledger.linkCancelledAt(feedback.areaId, null, feedback.taskId), replyRule.now());
    }

    /**
     * Where the area and task named place the feedback, by triage's rules ({@link PartOf}): each must be of the
     * publication's inspection (422 for one not heard of here, 400 for another inspection's, each naming the
     * field), and a task beside an area under it (400 naming taskId); the task places it at the task's own area
     * and problem, as triage does. One the office cancelled is kept, marked ({@link #LINK_DESCRIPTION}). Null when
     * neither is named.
     */
    private Placement place(UUID inspectionId, UUID areaId, UUID taskId) {
        Placement area = areaId == null ? null
                : PartOf.require(inspectionId, "areaId", "area", areaId, ledger.area(areaId), "");
        if (taskId == null) {
            return area;
        }
        Placement task = PartOf.require(inspectionId, "taskId", "task", taskId, ledger.task(taskId), "");
        PartOf.requireUnder(task, areaId);
        return task;
    }

    Feedback newFeedback(Publication publication, FeedbackChannel channel, String text, Submitter submitter,
                         OffsetDateTime receivedAt) {
        Feedback feedback = new Feedback();
        feedback.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        feedback.id = TimeOrderedIds.at(feedback.createdAt.toInstant());
        feedback.publicationId = publication.id;
        feedback.inspectionId = publication.inspectionId;
        feedback.trackingCode = TrackingCodes.next();
        feedback.channel = channel;
        feedback.status = FeedbackStatus.RECEIVED;
        feedback.text = text;
        feedback.anonymous = submitter.anonymous();
        feedback.nameSealed = cipher.seal("name", submitter.name());
        feedback.phoneSealed = cipher.seal("phone", submitter.phone());
        feedback.emailSealed = cipher.seal("email", submitter.email());
        feedback.addressSealed = cipher.seal("address", submitter.address());
        feedback.personalKeyId = submitter.anonymous() ? null : cipher.currentKeyId();
        feedback.textFingerprint = TextFingerprint.of(text);
        feedback.receivedAt = receivedAt;
        feedback.replyDueAt = receivedAt.plusDays(deadlines.daysFor(null));
        return feedback;
    }

    private void store(Feedback feedback, String actor, String detail) {
        feedback.persistAndFlush();
        FeedbackHistoryEntry.record(feedback.id, feedback.createdAt, actor, "RECEIVED",
                detail + " (" + feedback.channel + ")");
        // A staff action, so on the hash chain like every triage step; the snapshot holds no
        // contact details and no text. Public intake stays off the chain (docs/feedback-service.md).
        FeedbackSnapshot snapshot = FeedbackSnapshot.of(feedback);
        publisher.publish(actor, Feedback.AGGREGATE, feedback.id.toString(), feedback.version,
                new FeedbackEvent.FeedbackReceived(snapshot.published()), snapshot);
    }
}
