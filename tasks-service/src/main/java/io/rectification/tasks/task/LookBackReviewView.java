package io.rectification.tasks.task;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A look-back review (回头看) as the API shows it, with the task after it. */
public record LookBackReviewView(UUID id, UUID taskId, ReviewOutcome outcome, String reason, String reviewer,
                                 OffsetDateTime reviewedAt, OffsetDateTime reviewedVerifiedAt, UUID newProblemId,
                                 TaskSnapshot task) {

    static LookBackReviewView of(LookBackReview review, TaskSnapshot task) {
        return new LookBackReviewView(review.id, review.taskId, review.outcome, review.reason, review.reviewer,
                review.reviewedAt, review.reviewedVerifiedAt, review.newProblemId, task);
    }
}
