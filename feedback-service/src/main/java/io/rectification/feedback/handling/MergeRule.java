package io.rectification.feedback.handling;

import io.quarkus.panache.common.Parameters;
import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
     * One merge's target, or the refusal: 400 naming {@code into} for one that cannot be a target at all, 409
     * for the state of either (naming {@code into} when it is the target's).
     */
    static Feedback require(Feedback duplicate, UUID into, Optional<Feedback> found) {
        requireOther(duplicate.id, into, "into");
        Feedback target = target(into, found);
        require(duplicate, target, null, joined(List.of(duplicate.id)));
        return target;
    }

    /** Not into itself: 400 naming {@code field} ({@code into} for one merge, a batch's {@code feedback[i]}). */
    static void requireOther(UUID duplicate, UUID into, String field) {
        if (duplicate.equals(into)) {
            throw ApiException.badRequest(field, "a feedback cannot be merged into itself");
        }
    }

    /** The target found, or 400 naming {@code into}. */
    static Feedback target(UUID into, Optional<Feedback> found) {
        return found.orElseThrow(() -> ApiException.badRequest("into", "feedback " + into + " does not exist"));
    }

    /**
     * How many were merged into each of these feedback (none: absent), in one statement whatever their number:
     * read with their rows locked, so none is merged into one of them meanwhile (a merge into it waits for its row).
     */
    static Map<UUID, Long> joined(Collection<UUID> ids) {
        return Feedback.getEntityManager().createQuery("select f.mergedIntoId, count(f) from Feedback f"
                        + " where f.mergedIntoId in :ids group by f.mergedIntoId", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue()));
    }

    /**
     * The duplicate may go into the target, both locked, the duplicate's status allowing a merge: both on one
     * publication (400), the target's own state ({@link #requireTarget}), none merged into the duplicate (409).
     * {@code field}: what a refusal of the duplicate names, a batch's {@code feedback[i]}; null for one merge, whose
     * duplicate is the feedback addressed (another publication then names {@code into}). {@code joined}: {@link #joined}.
     */
    static void require(Feedback duplicate, Feedback target, String field, Map<UUID, Long> joined) {
        if (!target.publicationId.equals(duplicate.publicationId)) {
            Feedback named = field == null ? target : duplicate;
            throw ApiException.badRequest(field == null ? "into" : field,
                    "feedback " + named.id + " is on another publication");
        }
        requireTarget(duplicate, target);
        long others = joined.getOrDefault(duplicate.id, 0L);
        if (others > 0) {
            String why = (field == null ? "this feedback" : "feedback " + duplicate.id) + " has " + others
                    + " duplicate(s) merged into it, which would be left behind a merge: merge " + target.id
                    + " into " + (field == null ? "this one instead, or answer this one" : "it instead, or answer it");
            throw conflict(why, field, why);
        }
    }

    /** The target's own state: not merged itself (409 naming into, with mergeInto), not closed without an answer. */
    private static void requireTarget(Feedback duplicate, Feedback target) {
        if (target.status == FeedbackStatus.MERGED) {
            throw merged(duplicate, target);
        }
        if (target.status == FeedbackStatus.CLOSED && target.answeredAt == null) {
            throw refused("feedback " + target.id + " was closed without an answer; a duplicate merged into it"
                    + " would never be answered either: answer or close this one on its own");
        }
    }

    /** A 409 saying {@code detail}; its errors name {@code field}, saying {@code why}, when one is given. */
    static ApiException conflict(String detail, String field, String why) {
        return field == null ? ApiException.conflict(detail)
                : new ApiException(409, "Conflict", detail, List.of(new ErrorBody.FieldError(field, why)));
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
        return conflict(why, "into", why);
    }
}
