package io.rectification.feedback.feedback;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one rule of "owed a reply", "overdue" and "due soon" for staff's reads, said here for the filters (as JPQL
 * over {@code Feedback f}), the tab counts and each feedback's {@link ReplyUrgency}, so the console computes none of
 * it. Owed a reply: not answered, and RECEIVED, TRIAGED, ESCALATED (the citizen is still answered after an
 * escalation) or ESCALATION_REFUSED, as the reply-deadline job and 待办 count it. Days are Beijing's (the
 * organisation's zone, as 待办 counts them): overdue from the day after the reply day; due soon from
 * {@code dueSoonDays} calendar days before it, that day included. The horizon is 待办's
 * ({@code notices.todos.due-soon-days}, read here too so that one setting moves both).
 */
@ApplicationScoped
public class ReplyRule {

    public static final Set<FeedbackStatus> OWED_A_REPLY = EnumSet.of(FeedbackStatus.RECEIVED,
            FeedbackStatus.TRIAGED, FeedbackStatus.ESCALATED, FeedbackStatus.ESCALATION_REFUSED);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final int dueSoonDays;

    public ReplyRule(Clock clock,
                     @ConfigProperty(name = "feedback.inbox.due-soon-days", defaultValue = "7") int dueSoonDays) {
        this.clock = clock;
        this.dueSoonDays = dueSoonDays;
    }

    /** The rule as of now: the moments its days begin, taken once a read so a list and its counts agree. */
    public AsOf now() {
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(BEIJING).toLocalDate();
        return new AsOf(today, dueSoonDays, today.atStartOfDay(BEIJING).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                today.plusDays(dueSoonDays + 1L).atStartOfDay(BEIJING).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * {@code overdueBefore}: a reply due before it is overdue (today's start in Beijing); {@code soonBefore}: one
     * due from then until this is due soon (the start of the day after the horizon's last).
     */
    public record AsOf(LocalDate today, int dueSoonDays, OffsetDateTime overdueBefore, OffsetDateTime soonBefore) {

        /** JPQL, over {@code Feedback f}, of every feedback still owed a reply. */
        public static final String OWED = "(f.answeredAt is null and f.status in :owedAReply)";
        static final String OVERDUE = "f.replyDueAt < :overdueBefore";
        static final String DUE_SOON = "(f.replyDueAt >= :overdueBefore and f.replyDueAt < :soonBefore)";
        static final String NEW = "(f.status = :received and f.replyDueAt >= :soonBefore)";

        public ReplyUrgency of(Feedback feedback) {
            if (feedback.answeredAt != null || !OWED_A_REPLY.contains(feedback.status)) {
                return null;
            }
            if (feedback.replyDueAt.isBefore(overdueBefore)) {
                return ReplyUrgency.OVERDUE;
            }
            if (feedback.replyDueAt.isBefore(soonBefore)) {
                return ReplyUrgency.DUE_SOON;
            }
            return feedback.status == FeedbackStatus.RECEIVED ? ReplyUrgency.NEW : ReplyUrgency.OPEN;
        }

        /** JPQL, over {@code Feedback f}, of the feedback owed a reply of an urgency; all owed a reply for null. */
        public static String where(ReplyUrgency urgency) {
            if (urgency == null) {
                return OWED;
            }
            return "(" + OWED + " and " + switch (urgency) {
                case OVERDUE -> OVERDUE;
                case DUE_SOON -> DUE_SOON;
                case NEW -> NEW;
                case OPEN -> "(f.status <> :received and f.replyDueAt >= :soonBefore)";
            } + ")";
        }

        /** The parameters {@link #where} names for an urgency (null: owed a reply); Hibernate refuses any more. */
        public Parameters parameters(Parameters into, ReplyUrgency urgency) {
            into.and("owedAReply", OWED_A_REPLY);
            if (urgency == ReplyUrgency.OVERDUE || urgency == ReplyUrgency.DUE_SOON) {
                into.and("overdueBefore", overdueBefore);
            }
            if (urgency == ReplyUrgency.DUE_SOON || urgency == ReplyUrgency.NEW || urgency == ReplyUrgency.OPEN) {
                into.and("soonBefore", soonBefore);
            }
            if (urgency == ReplyUrgency.NEW || urgency == ReplyUrgency.OPEN) {
                into.and("received", FeedbackStatus.RECEIVED);
            }
            return into;
        }

        /** The parameters of every urgency at once (the counts name them all). */
        public Parameters parameters(Parameters into) {
            return parameters(parameters(into, ReplyUrgency.DUE_SOON), ReplyUrgency.NEW);
        }
    }
}
