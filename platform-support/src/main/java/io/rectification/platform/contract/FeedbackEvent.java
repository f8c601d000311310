package io.rectification.platform.contract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Every event feedback-service publishes on {@code rectification.feedback.v1}, one record per event
 * type (the record's simple name is the type), as docs/events/feedback-events.yaml defines them.
 * None carries personal data of the public nor text a member of the public wrote: a member added
 * here is a deliberate change of the catalogue, whose schemas allow no other.
 *
 * <p>To add an event type: see {@link TasksEvent}; the same steps, in this file.
 */
public sealed interface FeedbackEvent extends EventData {

    sealed interface PublicationChange extends FeedbackEvent {
        PublicationSnapshot publication();
    }

    record PublicationCreated(PublicationSnapshot publication) implements PublicationChange {
    }

    record PublicationUpdated(PublicationSnapshot publication) implements PublicationChange {
    }

    /** Every feedback event carries the feedback's snapshot after the change. */
    sealed interface FeedbackChange extends FeedbackEvent {
        FeedbackSnapshot feedback();
    }

    /** On the web form, over Open311, or recorded by staff for PHONE, POST or EMAIL. */
    record FeedbackReceived(FeedbackSnapshot feedback) implements FeedbackChange {
    }

    record FeedbackTriaged(FeedbackSnapshot feedback) implements FeedbackChange {
    }

    record FeedbackAnswered(FeedbackSnapshot feedback) implements FeedbackChange {
    }

    record FeedbackClosed(FeedbackSnapshot feedback) implements FeedbackChange {
    }

    record FeedbackMerged(FeedbackSnapshot feedback, UUID mergedIntoId) implements FeedbackChange {
    }

    /** tasks-service registers a problem (source FEEDBACK) from {@code escalation}, once per feedback id. */
    record FeedbackEscalated(FeedbackSnapshot feedback, Escalation escalation) implements FeedbackChange {
    }

    /** tasks-service registered the escalated feedback as {@code problemId} (its ProblemRegistered, source FEEDBACK). */
    record FeedbackLinkedToProblem(FeedbackSnapshot feedback, UUID problemId) implements FeedbackChange {
    }

    /** tasks-service refused the escalation (FeedbackEscalationRefused): the member it could not use and why. */
    record FeedbackEscalationFailed(FeedbackSnapshot feedback, String field, String reason) implements FeedbackChange {
    }

    /**
     * Scheduled facts about a reply deadline; the feedback itself does not change, so they carry ids,
     * category, date and days, not its snapshot. {@code daysOverdue} is 0 on the reply date and negative before it.
     */
    sealed interface ReplyDeadline extends FeedbackEvent {
        UUID feedbackId();

        UUID publicationId();

        UUID inspectionId();

        String category();

        LocalDate replyDueDate();

        Integer daysOverdue();
    }

    record FeedbackReplyDueSoon(UUID feedbackId, UUID publicationId, UUID inspectionId, String category,
                                LocalDate replyDueDate, Integer daysOverdue) implements ReplyDeadline {
    }

    /** {@code daysOverdue} is 1 or more. */
    record FeedbackReplyOverdue(UUID feedbackId, UUID publicationId, UUID inspectionId, String category,
                                LocalDate replyDueDate, Integer daysOverdue) implements ReplyDeadline {
    }

    // ---- the parts ---------------------------------------------------------------------------

    /** Window bounds carry the organisation's offset; {@code timeZone} is its IANA id. */
    record PublicationSnapshot(UUID id, UUID inspectionId, String title, OffsetDateTime windowStart,
                               OffsetDateTime windowEnd, String timeZone, String reportUrl, Channels channels) {
    }

    /** The organisation's contact channels (not personal data). */
    record Channels(String phone, String phoneHours, String postalAddress, String postalCode, String email) {
    }

    /**
     * State, links and dates only; channel, category and status are the producer's enum names.
     * {@code problemId} is the problem staff linked in triage; {@code escalatedProblemId} the one
     * tasks-service registered from the feedback's escalation (null until then, and absent from
     * events before catalogue 1.1.0). {@code receivedTimeGiven} is false when staff registered a call or letter
     * without its time of day ({@code receivedAt} is then that day's 00:00 in the publication's zone); absent
     * (null) from events before catalogue 1.3.0.
     */
    record FeedbackSnapshot(UUID id, UUID publicationId, UUID inspectionId, String channel, String category,
                            String status, UUID areaId, UUID problemId, UUID taskId, UUID escalatedProblemId,
                            OffsetDateTime receivedAt,
                            OffsetDateTime triagedAt, OffsetDateTime answeredAt, OffsetDateTime closedAt,
                            OffsetDateTime replyDueAt, Boolean anonymous, Boolean receivedTimeGiven) {
    }

    /** Written by staff, never the submitter's own text. */
    record Escalation(UUID inspectionId, UUID areaId, String title, String description) {
    }
}
