package io.rectification.tasks.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A look-back review (回头看) as the API shows it, with the task after it when it was just held
 * ({@code task} is absent in lists of reviews, which name the task by {@code taskId}).
 */
@Schema(requiredProperties = {"id", "taskId", "outcome", "reviewer", "reviewedAt"})
public record LookBackReviewView(UUID id, UUID taskId, ReviewOutcome outcome, String reason, String reviewer,
                                 OffsetDateTime reviewedAt, OffsetDateTime reviewedVerifiedAt, UUID newProblemId,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) TaskSnapshot task) {

    static LookBackReviewView of(LookBackReview review, TaskSnapshot task) {
        return new LookBackReviewView(review.id, review.taskId, review.outcome, review.reason, review.reviewer,
                review.reviewedAt, review.reviewedVerifiedAt, review.newProblemId, task);
    }
}
