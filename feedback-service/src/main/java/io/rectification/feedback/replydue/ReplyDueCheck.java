package io.rectification.feedback.replydue;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.ReplyRule;
import io.rectification.feedback.publication.Publication;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns reply deadlines into events, like tasks-service's follow-ups: FeedbackReplyDueSoon from
 * {@code feedback.reply-due.soon-days} calendar days before the reply date (that day included),
 * FeedbackReplyOverdue from the day after it. Days are counted in the publication's zone (the one the
 * tracking page shows the reply date in, Asia/Shanghai by default), so "overdue" starts at local
 * midnight, not at 00:00 UTC. Only feedback still owed an answer counts: not answered, and
 * RECEIVED, TRIAGED, ESCALATED (escalation does not answer the citizen) or ESCALATION_REFUSED.
 *
 * <p>Each is published once per feedback and kind: the claim in {@code feedback_reply_notice} and
 * the outbox row share one transaction, so two instances running the check publish it once. A deadline
 * moved later (triage to another category) is not announced again. An overdue feedback whose
 * due-soon notice was never sent (it arrived late, or the check did not run) gets only the overdue one.
 * The data carries no personal data and no text: ids, category, date and days.
 */
@ApplicationScoped
public class ReplyDueCheck {

    /** The event types, as the tests await them. */
    static final String DUE_SOON = FeedbackEvent.FeedbackReplyDueSoon.class.getSimpleName();
    static final String OVERDUE = FeedbackEvent.FeedbackReplyOverdue.class.getSimpleName();
    /** The inbox's rule of owed a reply, so a notice and the inbox's tabs never disagree on which feedback. */
    private static final Set<FeedbackStatus> OWED_AN_ANSWER = ReplyRule.OWED_A_REPLY;

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final int soonDays;

    public ReplyDueCheck(Outbox outbox, EntityManager entityManager,
                         @ConfigProperty(name = "feedback.reply-due.soon-days", defaultValue = "2") int soonDays) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.soonDays = soonDays;
    }

    /** @return how many notices this run published */
    @Transactional
    public int emit(OffsetDateTime now) {
        // Coarse in SQL (a day's margin for any zone), exact per feedback in its publication's zone.
        OffsetDateTime horizon = now.plusDays(soonDays + 2L);
        Map<UUID, ZoneId> zones = new HashMap<>();
        int emitted = 0;
        // Feedback already told overdue gets nothing more, so it is not read again on every run.
        @SuppressWarnings("unchecked")
        List<UUID> candidates = entityManager.createNativeQuery("""
                        SELECT f.id FROM feedback f
                        WHERE f.answered_at IS NULL AND f.status IN (?1) AND f.reply_due_at < ?2
                          AND NOT EXISTS (SELECT 1 FROM feedback_reply_notice n
                                          WHERE n.feedback_id = f.id AND n.kind = 'OVERDUE')""", UUID.class)
                .setParameter(1, OWED_AN_ANSWER.stream().map(Enum::name).toList())
                .setParameter(2, horizon).getResultList();
        if (candidates.isEmpty()) {
            return 0;
        }
        // claimed in id order: two instances' runs at the same tick then wait for each other's claims
        // instead of taking them in opposite orders (a deadlock, one run rolled back to the next tick)
        for (Feedback feedback : Feedback.<Feedback>list("id in ?1", Sort.by("id"), candidates)) {
            ZoneId zone = zones.computeIfAbsent(feedback.publicationId,
                    id -> Publication.<Publication>findById(id).window().zone());
            LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
            LocalDate due = feedback.replyDueAt.atZoneSameInstant(zone).toLocalDate();
            int daysOverdue = (int) ChronoUnit.DAYS.between(due, today);
            String category = feedback.category == null ? null : feedback.category.name();
            FeedbackEvent.ReplyDeadline notice;
            if (daysOverdue > 0) {
                notice = new FeedbackEvent.FeedbackReplyOverdue(feedback.id, feedback.publicationId,
                        feedback.inspectionId, category, due, daysOverdue);
            } else if (daysOverdue >= -soonDays) {
                notice = new FeedbackEvent.FeedbackReplyDueSoon(feedback.id, feedback.publicationId,
                        feedback.inspectionId, category, due, daysOverdue);
            } else {
                continue;
            }
            if (claim(feedback.id, notice, due, now)) {
                // Outbox alone, not the EventPublisher: the feedback does not change, so the audit
                // trail (states after a change) has nothing new to record.
                outbox.append("Feedback", feedback.id.toString(), feedback.version, notice);
                emitted++;
            }
        }
        return emitted;
    }

    private boolean claim(UUID feedbackId, FeedbackEvent.ReplyDeadline notice, LocalDate due, OffsetDateTime now) {
        return entityManager.createNativeQuery("""
                        INSERT INTO feedback_reply_notice (feedback_id, kind, due_date, emitted_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT (feedback_id, kind) DO NOTHING""")
                .setParameter(1, feedbackId)
                .setParameter(2, notice instanceof FeedbackEvent.FeedbackReplyOverdue ? "OVERDUE" : "DUE_SOON")
                .setParameter(3, due).setParameter(4, now)
                .executeUpdate() == 1;
    }
}
