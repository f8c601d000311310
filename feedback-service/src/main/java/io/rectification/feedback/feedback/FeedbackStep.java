package io.rectification.feedback.feedback;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The steps staff take on a feedback, and from which statuses each is allowed. */
public enum FeedbackStep {
    TRIAGE(EnumSet.of(FeedbackStatus.RECEIVED, FeedbackStatus.TRIAGED)),
    /** Also after an escalation: the citizen is still owed an answer (it stays ESCALATED). */
    ANSWER(EnumSet.of(FeedbackStatus.TRIAGED, FeedbackStatus.ANSWERED, FeedbackStatus.ESCALATED,
            FeedbackStatus.ESCALATION_REFUSED)),
    CLOSE(EnumSet.of(FeedbackStatus.RECEIVED, FeedbackStatus.TRIAGED, FeedbackStatus.ANSWERED, FeedbackStatus.ESCALATED,
            FeedbackStatus.ESCALATION_REFUSED)),
    ESCALATE(EnumSet.of(FeedbackStatus.RECEIVED, FeedbackStatus.TRIAGED, FeedbackStatus.ANSWERED,
            FeedbackStatus.ESCALATION_REFUSED)),
    MERGE(EnumSet.of(FeedbackStatus.RECEIVED, FeedbackStatus.TRIAGED));

    private final Set<FeedbackStatus> from;

    FeedbackStep(Set<FeedbackStatus> from) {
        this.from = from;
    }

    public boolean allowedFrom(FeedbackStatus status) {
        return from.contains(status);
    }

    public static List<FeedbackStep> allowedFor(FeedbackStatus status) {
        return java.util.Arrays.stream(values()).filter(step -> step.allowedFrom(status)).toList();
    }
}
