package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.FeedbackSnapshot;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.personal.Pseudonym;
import io.rectification.platform.error.ApiException;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A public submission as it waits for its batch (see {@link PublicIntake}): read, checked and
 * sealed on the request's thread; what only the database can tell (the client's rate limit, the
 * publication and its window, an earlier identical submission) is decided in the batch. A
 * submission already refused there is still queued, with its {@code refusal}, because it counts
 * towards its client's limit (and a client over the limit is told so first). {@code traceparent}
 * is the request's trace context, for its event: the batch is written on the writer's thread.
 */
record PublicSubmission(Pseudonym client, Language language, ApiException refusal, NewFeedback feedback,
                        String traceparent) {

    static PublicSubmission refused(Pseudonym client, Language language, ApiException refusal) {
        return new PublicSubmission(client, language, refusal, null, null);
    }

    /** The client's pseudonym under the current key: what it is counted and its feedback stored under. */
    String clientKey() {
        return client.current();
    }

    /**
     * The feedback row to write, personal data already sealed; the inspection comes with the
     * publication. {@code submissionKey} is the pseudonym of the form's {@link SubmissionKey} (null
     * without one), or for an integration client's request of the caller it relays ({@link RelayedSubmitter}).
     */
    record NewFeedback(UUID id, UUID publicationId, String trackingCode, FeedbackChannel channel,
                       FeedbackCategory category, String text, boolean anonymous, byte[] nameSealed,
                       byte[] phoneSealed, byte[] emailSealed, byte[] addressSealed, UUID areaId, UUID taskId,
                       String apiClient, String textFingerprint, Pseudonym submissionKey, OffsetDateTime receivedAt,
                       OffsetDateTime replyDueAt, OffsetDateTime createdAt, String historyDetail) {

        /** What is stored of the form's key: its pseudonym under the current key; null without a key. */
        String submissionKeyHash() {
            return submissionKey == null ? null : submissionKey.current();
        }

        /**
         * As {@link FeedbackSnapshot#of} would show this feedback once stored under {@code placedAreaId} and
         * {@code placedProblemId} (its task's, when it names one).
         */
        FeedbackSnapshot snapshot(UUID inspectionId, UUID placedAreaId, UUID placedProblemId) {
            return new FeedbackSnapshot(id, publicationId, inspectionId, channel, category, FeedbackStatus.RECEIVED,
                    placedAreaId, placedProblemId, taskId, null, receivedAt, null, null, null, null, replyDueAt, anonymous,
                    true);
        }
    }
}
