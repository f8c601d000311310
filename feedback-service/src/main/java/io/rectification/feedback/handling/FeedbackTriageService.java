package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import io.rectification.feedback.feedback.FeedbackSnapshot;
import io.rectification.feedback.feedback.FeedbackStaffView;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.feedback.FeedbackStep;
import io.rectification.feedback.feedback.ReplyDeadlines;
import io.rectification.feedback.ledger.LedgerReadModel.Placement;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.text.BlankText;
import io.rectification.platform.text.OptionalText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

/** Staff's steps on a feedback: classify and link, answer, close, escalate, merge. Each is recorded and published. */
@ApplicationScoped
@Transactional
public class FeedbackTriageService {

    private final EventPublisher publisher;
    private final Clock clock;
    private final ReplyDeadlines deadlines;
    private final StaffFeedbackService reads;
    private final LedgerLinks links;

    public FeedbackTriageService(EventPublisher publisher, Clock clock, ReplyDeadlines deadlines,
                                 StaffFeedbackService reads, LedgerLinks links) {
        this.links = links;
        this.publisher = publisher;
        this.clock = clock;
        this.deadlines = deadlines;
        this.reads = reads;
    }

    public FeedbackStaffView triage(UUID id, TriageInputs.Triage input, String actor, String ifMatch) {
        Feedback feedback = begin(id, FeedbackStep.TRIAGE, ifMatch);
        if (input.category() == null && input.areaId() == null && input.problemId() == null && input.taskId() == null) {
            throw ApiException.badRequest("category", "give a category or a link (areaId, problemId, taskId)");
        }
        StringJoiner detail = new StringJoiner(", ");
        if (input.category() != null) {
            feedback.category = input.category();
            feedback.replyDueAt = feedback.receivedAt.plusDays(deadlines.daysFor(input.category()));
            detail.add("category " + input.category());
        }
        Placement link = links.place(feedback, input.areaId(), input.problemId(), input.taskId());
        if (link != null) {
            // The link is one place in the ledger: a task brings its problem and area, a problem its area,
            // so a later link never leaves an earlier task beside another problem.
            feedback.areaId = link.areaId();
            feedback.problemId = link.problemId();
            feedback.taskId = link.taskId();
            detail.add(link.taskId() != null ? "task " + link.taskId()
                    : link.problemId() != null ? "problem " + link.problemId() : "area " + link.areaId());
        }
        OffsetDateTime now = now();
        if (feedback.triagedAt == null) {
            feedback.triagedAt = now;
        }
        feedback.status = FeedbackStatus.TRIAGED;
        return finish(feedback, now, actor, "TRIAGED", detail.toString(), FeedbackEvent.FeedbackTriaged::new);
    }

    /**
     * Publishes the answer, or revises the one published. A revision replaces what the tracking page
     * and Open311 show, but the text replaced stays in the history (ANSWERED, ANSWER_REVISED: each
     * entry holds what it published) and {@code answeredAt} stays the first answer's time; it needs
     * If-Match (428 without), so no one replaces a colleague's published answer from a page that
     * never showed it.
     */
    public FeedbackStaffView answer(UUID id, TriageInputs.Answer input, String actor, String ifMatch) {
        Feedback feedback = begin(id, FeedbackStep.ANSWER, ifMatch);
        boolean revision = feedback.answeredAt != null;
        if (revision) {
            Versions.require(ifMatch, feedback.version, "feedback " + id);
        }
        reads.published(feedback, PublishedText.Use.ANSWER).check("answer", input.answer()).requireNone();
        OffsetDateTime now = now();
        feedback.answer = input.answer();
        if (revision) {
            feedback.answerRevisedAt = now;
        } else {
            feedback.answeredAt = now;
        }
        // An escalated feedback keeps its status: it is answered and still a problem being rectified.
        if (feedback.status != FeedbackStatus.ESCALATED) {
            feedback.status = FeedbackStatus.ANSWERED;
        }
        String characters = " (" + input.answer().length() + " characters)";
        return finish(feedback, now, actor, revision ? "ANSWER_REVISED" : "ANSWERED",
                (revision ? "published answer replaced" : "answer published") + characters, input.answer(),
                FeedbackEvent.FeedbackAnswered::new);
    }

    public FeedbackStaffView close(UUID id, TriageInputs.Close input, String actor, String ifMatch) {
        Feedback feedback = begin(id, FeedbackStep.CLOSE, ifMatch);
        OffsetDateTime now = now();
        feedback.closedAt = now;
        feedback.status = FeedbackStatus.CLOSED;
        String reason = input == null ? null : OptionalText.of(input.reason());
        return finish(feedback, now, actor, "CLOSED", reason,
                FeedbackEvent.FeedbackClosed::new);
    }

    public FeedbackStaffView escalate(UUID id, TriageInputs.Escalate input, String actor, String ifMatch) {
        Feedback feedback = begin(id, FeedbackStep.ESCALATE, ifMatch);
        reads.published(feedback, PublishedText.Use.ESCALATION)
                .check("title", input.title()).check("description", input.description()).requireNone();
        OffsetDateTime now = now();
        if (input.areaId() != null) {
            links.requireArea(feedback, input.areaId());
            feedback.areaId = input.areaId();
        }
        feedback.status = FeedbackStatus.ESCALATED;
        feedback.escalationRefusedReason = null;
        // the version this change is flushed at (one more, once), which FeedbackEscalated carries
        feedback.escalationVersion = feedback.version + 1;
        FeedbackEvent.Escalation escalation = new FeedbackEvent.Escalation(feedback.inspectionId,
                feedback.areaId, BlankText.strip(input.title()), BlankText.strip(input.description()));
        return finish(feedback, now, actor, "ESCALATED", "as a new problem: " + abbreviate(escalation.title()),
                snapshot -> new FeedbackEvent.FeedbackEscalated(snapshot, escalation));
    }

    /**
     * Merges a duplicate into the feedback whose answer its submitter will be shown. Both rows are
     * locked before either is judged, the lower id first ({@link StaffFeedbackService#LOCK_ORDER}, as a batch
     * locks its rows) whichever way the merge goes: two merges crossing (X into Y while Y goes into X) or
     * chaining (A into B while B goes into C) take turns, and the second sees what the first did
     * ({@link MergeRule}), so no merge ends in a loop or behind another merge.
     */
    public FeedbackStaffView merge(UUID id, TriageInputs.Merge input, String actor, String ifMatch) {
        UUID into = input.into();
        boolean intoFirst = StaffFeedbackService.LOCK_ORDER.compare(into, id) < 0;
        Optional<Feedback> lockedFirst = intoFirst ? StaffFeedbackService.lock(into) : Optional.empty();
        Feedback feedback = begin(id, FeedbackStep.MERGE, ifMatch);
        Feedback target = MergeRule.require(feedback, into, intoFirst ? lockedFirst : StaffFeedbackService.lock(into));
        return merged(feedback, target, now(), actor);
    }

    /**
     * Merges several duplicates into one feedback in one transaction, all or none (批量合并). Every row is locked
     * first, in the order one merge locks its two ({@link StaffFeedbackService#lockAll}), so a batch and a single
     * merge (or two batches) crossing take turns; then each is judged as one merge judges its duplicate (the step
     * {@link FeedbackStep#MERGE}, {@link MergeRule}), a refusal naming {@code feedback[i]} (or {@code into} for the
     * target's own state), and only then are they merged. No If-Match: each is judged on what the last committed
     * step left, as a merge without one is.
     */
    public TriageInputs.Merged mergeAll(TriageInputs.MergeAll input, String actor) {
        List<UUID> ids = input.feedback();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            MergeRule.requireOther(ids.get(i), input.into(), "feedback[" + i + "]");
            if (!seen.add(ids.get(i))) {
                throw ApiException.badRequest("feedback[" + i + "]", "feedback " + ids.get(i) + " is named twice");
            }
        }
        List<UUID> all = new ArrayList<>(ids);
        all.add(input.into());
        Map<UUID, Feedback> locked = StaffFeedbackService.lockAll(all);
        Feedback target = MergeRule.target(input.into(), Optional.ofNullable(locked.get(input.into())));
        Map<UUID, Long> joined = MergeRule.joined(ids);
        List<Feedback> duplicates = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "feedback[" + i + "]";
            Feedback duplicate = locked.get(ids.get(i));
            if (duplicate == null) {
                throw ApiException.badRequest(field, "feedback " + ids.get(i) + " does not exist");
            }
            requireStep(duplicate, FeedbackStep.MERGE, field);
            MergeRule.require(duplicate, target, field, joined);
            duplicates.add(duplicate);
        }
        OffsetDateTime now = now();
        return new TriageInputs.Merged(duplicates.stream().map(duplicate -> merged(duplicate, target, now, actor)).toList());
    }

    /** The duplicate merged into the target, both judged and locked: recorded on both, published. */
    private FeedbackStaffView merged(Feedback feedback, Feedback target, OffsetDateTime now, String actor) {
        feedback.mergedIntoId = target.id;
        feedback.status = FeedbackStatus.MERGED;
        // each names the other by its tracking code too (no personal data: a code opens only the tracking page's
        // status and answer), so the history says which duplicate came in and where this one went
        FeedbackHistoryEntry.record(target.id, now, actor, "DUPLICATE_MERGED_IN",
                "feedback " + feedback.id + " (" + TrackingCodes.display(feedback.trackingCode) + ") merged into this one");
        return finish(feedback, now, actor, "MERGED",
                "into " + target.id + " (" + TrackingCodes.display(target.trackingCode) + ")",
                snapshot -> new FeedbackEvent.FeedbackMerged(snapshot, target.id));
    }

    /**
     * The feedback a step is taken on, locked ({@link StaffFeedbackService#lock}), then checked in
     * order: 404, If-Match when sent (412 with {@code currentVersion}), then the step against its
     * status (409 with {@code feedbackStatus}, {@code allowedSteps} and {@code currentVersion}).
     */
    private Feedback begin(UUID id, FeedbackStep step, String ifMatch) {
        Feedback feedback = StaffFeedbackService.lock(id).orElseThrow(() -> ApiException.notFound("feedback", id));
        Versions.check(Versions.optional(ifMatch), feedback.version, "feedback " + id);
        requireStep(feedback, step, null);
        return feedback;
    }

    /**
     * The step allowed from the feedback's status, or 409 with {@code feedbackStatus}, {@code allowedSteps} and
     * {@code currentVersion}; {@code field}: what its errors name, a batch's {@code feedback[i]} (null: the
     * feedback addressed).
     */
    private static void requireStep(Feedback feedback, FeedbackStep step, String field) {
        if (!step.allowedFrom(feedback.status)) {
            String why = "a " + feedback.status + " feedback cannot take the step " + step;
            throw MergeRule.conflict(field == null ? why : "feedback " + feedback.id + ": " + why, field, why)
                    .with("feedbackStatus", feedback.status)
                    .with("allowedSteps", FeedbackStep.allowedFor(feedback.status))
                    .with("currentVersion", feedback.version);
        }
    }

    /** Records the step, bumps the version, and publishes the event with the snapshot after the change. */
    private FeedbackStaffView finish(Feedback feedback, OffsetDateTime now, String actor, String action, String detail,
                                     Function<FeedbackEvent.FeedbackSnapshot, FeedbackEvent.FeedbackChange> event) {
        return finish(feedback, now, actor, action, detail, null, event);
    }

    /** As above; {@code answer}: the text an answer step published, kept in its history entry. */
    private FeedbackStaffView finish(Feedback feedback, OffsetDateTime now, String actor, String action, String detail,
                                     String answer,
                                     Function<FeedbackEvent.FeedbackSnapshot, FeedbackEvent.FeedbackChange> event) {
        feedback.updatedAt = now;
        feedback.persistAndFlush();
        FeedbackHistoryEntry.record(feedback.id, now, actor, action, detail == null ? null : abbreviate(detail), answer);
        FeedbackSnapshot snapshot = FeedbackSnapshot.of(feedback);
        // The snapshot holds no personal data, so neither does the audit trail.
        publisher.publish(actor, Feedback.AGGREGATE, feedback.id.toString(), feedback.version,
                event.apply(snapshot.published()), snapshot);
        return reads.view(feedback);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
