package io.rectification.feedback.handling;

import io.quarkus.panache.common.Parameters;
import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * When a duplicate may be merged, and into what. A merged submitter is shown the answer of the
 * feedback the merge leads to and is owed nothing more (MERGED is never overdue), so a merge must
 * lead straight to a feedback that is answered or still owed an answer: never to a merged one (a
 * chain, or with the duplicate itself a loop), never to one closed without an answer, and a
 * feedback that others were merged into is not merged itself (they would be left behind it).
 * Judged with both rows locked ({@link FeedbackTriageService#merge}), on what the last committed
 * step left: a merge into the duplicate holds the duplicate's row until it commits.
 */
final class MergeRule {

    /**
     * JPQL, over {@code Feedback f}, of the feedback a duplicate may be merged into as far as their own state goes
     * (what {@link #require} refuses of a target): not merged, not closed without an answer. The merge dialog
     * searches among them ({@code GET /feedback?mergeTarget=true}).
     */
    static final String TARGETS = "(f.status <> :mergedStatus and not (f.status = :closedStatus and f.answeredAt is null))";

    private MergeRule() {
    }

    static void targetParameters(Parameters parameters) {
        parameters.and("mergedStatus", FeedbackStatus.MERGED).and("closedStatus", FeedbackStatus.CLOSED);
    }

    /**
     * The target, or the refusal: 400 naming {@code into} for one that cannot be a target at all, 409
     * for the state of either (naming {@code into} when it is the target's).
     */
    static Feedback require(Feedback duplicate, UUID into, Optional<Feedback> found) {
        Feedback target = found.orElseThrow(() -> ApiException.badRequest("into", "feedback " + into + " does not exist"));
        if (!target.publicationId.equals(duplicate.publicationId)) {
            throw ApiException.badRequest("into", "feedback " + target.id + " is on another publication");
        }
        requireTarget(duplicate, target);
        requireNoneJoined(duplicate, target, null);
        return target;
    }

    /** The target's own state: not merged itself (409 naming into, with mergeInto), not closed without an answer. */
    static void requireTarget(Feedback duplicate, Feedback target) {
        if (target.status == FeedbackStatus.MERGED) {
            throw merged(duplicate, target);
        }
        if (target.status == FeedbackStatus.CLOSED && target.answeredAt == null) {
            throw refused("feedback " + target.id + " was closed without an answer; a duplicate merged into it"
                    + " would never be answered either: answer or close this one on its own");
        }
    }

    /**
     * The duplicate has none merged into it (they would be left behind): 409, naming {@code field} when given (a
     * batch's {@code feedback[i]}).
     */
    static void requireNoneJoined(Feedback duplicate, Feedback target, String field) {
        long joined = Feedback.count("mergedIntoId", duplicate.id);
        if (joined > 0) {
            String why = (field == null ? "this feedback" : "feedback " + duplicate.id) + " has " + joined
                    + " duplicate(s) merged into it, which would be left behind a merge: merge " + target.id
                    + " into " + (field == null ? "this one instead, or answer this one" : "it instead, or answer it");
            throw field == null ? ApiException.conflict(why)
                    : new ApiException(409, "Conflict", why, List.of(new ErrorBody.FieldError(field, why)));
        }
    }

    /** A target merged already: say where its merges lead, so the handler can choose that one (or see the loop). */
    private static ApiException merged(Feedback duplicate, Feedback target) {
        Feedback end = target.answering();
        if (end.id.equals(duplicate.id)) {
            return refused("feedback " + target.id + " was merged into this one already; merging this one"
                    + " into it would leave both without an answer");
        }
        if (end.status == FeedbackStatus.MERGED) {
            // Only in data written before merges were judged under both rows' locks, until MergeRepair ran.
            return refused("feedback " + target.id + " was itself merged into " + target.mergedIntoId
                    + ", and those merges loop without reaching an unmerged feedback; an administrator repairs them"
                    + " (POST /admin/merges/repair)");
        }
        String via = end.id.equals(target.mergedIntoId) ? "" : " (whose merges end at " + end.id + ")";
        return refused("feedback " + target.id + " was itself merged into " + target.mergedIntoId + via
                + "; merge into " + end.id + " instead").with("mergeInto", end.id);
    }

    private static ApiException refused(String why) {
        return new ApiException(409, "Conflict", why, List.of(new ErrorBody.FieldError("into", why)));
    }
}
