package io.rectification.feedback.retention;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long a submitter's contact details are kept once their feedback is finished (PIPL 第十九条,
 * 第四十七条: no longer than the purpose needs), and which feedback is due for their erasure.
 *
 * <p>Finished: CLOSED, MERGED (its submitter is shown the answer of the feedback it was merged into),
 * ANSWERED, and ESCALATED once answered (the citizen has the answer; the problem's rectification goes
 * on in tasks-service, which holds none of the submitter's data). Not finished: RECEIVED, TRIAGED, an
 * ESCALATED one still owed an answer, and ESCALATION_REFUSED (staff still owe a step: escalate again,
 * answer or close). The period is measured from the last step ({@code updated_at}): every step that
 * finishes a feedback writes it with closedAt, answeredAt or answerRevisedAt, and any later step
 * (an answer revised, an escalation's outcome) writes it again and so starts the period anew; a look
 * at the details (PERSONAL_DATA_VIEWED) is no step. An exact duration of instants, no rounding to
 * days: due from the instant the period after the last step is over, that instant included.
 */
public record RetentionPeriod(Duration length) {

    /** The setting, an ISO 8601 duration (P365D). */
    public static final String PROPERTY = "feedback.personal-data.retention";

    static final Set<FeedbackStatus> FINISHED = EnumSet.of(FeedbackStatus.CLOSED, FeedbackStatus.MERGED,
            FeedbackStatus.ANSWERED);
    static final FeedbackStatus FINISHED_ONCE_ANSWERED = FeedbackStatus.ESCALATED;

    /**
     * The finished rows in SQL, from the same statuses, as V14's partial index {@code feedback_retention_due}
     * says it (word for word: the planner uses the index only for a predicate it can match to the index's).
     */
    static final String FINISHED_SQL = "(status IN (" + FINISHED.stream().map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ")) + ") OR (status = '" + FINISHED_ONCE_ANSWERED.name()
            + "' AND answered_at IS NOT NULL))";

    public RetentionPeriod {
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalStateException(PROPERTY + " (FEEDBACK_PERSONAL_DATA_RETENTION) must be a positive ISO 8601 "
                    + "duration such as P365D, not " + length + ": it is how long a submitter's contact details are kept "
                    + "after their feedback's last step. To keep them longer, set a longer period; to stop the erasure, "
                    + "set feedback.personal-data.erasure.every=off (docs/feedback-service.md, \"Retention period\").");
        }
    }

    static boolean finished(FeedbackStatus status, boolean answered) {
        return FINISHED.contains(status) || (status == FINISHED_ONCE_ANSWERED && answered);
    }

    /** The latest last step whose feedback is due at {@code now}: the period before it. */
    OffsetDateTime lastStepUpTo(Instant now) {
        return now.minus(length).atOffset(ZoneOffset.UTC);
    }

    /** Whether the feedback's contact details and pseudonyms are due for erasure at {@code now}. */
    boolean due(Feedback feedback, Instant now) {
        return feedback.personalDataErasedAt == null && feedback.updatedAt != null
                && finished(feedback.status, feedback.answeredAt != null)
                && !feedback.updatedAt.isAfter(lastStepUpTo(now));
    }
}
