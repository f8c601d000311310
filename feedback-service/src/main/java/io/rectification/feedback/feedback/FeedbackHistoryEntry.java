package io.rectification.feedback.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step taken on a feedback: who, when, what. {@code detail} never holds personal data;
 * {@code answer} is the text an ANSWERED or ANSWER_REVISED step published (staff's, checked to hold
 * no personal data), kept with the step so a revision never loses what the submitter was shown.
 */
@Entity
@Table(name = "feedback_history")
public class FeedbackHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "feedback_id")
    public UUID feedbackId;

    public OffsetDateTime at;

    public String actor;

    public String action;

    public String detail;

    public String answer;

    public static void record(UUID feedbackId, OffsetDateTime at, String actor, String action, String detail) {
        record(feedbackId, at, actor, action, detail, null);
    }

    public static void record(UUID feedbackId, OffsetDateTime at, String actor, String action, String detail,
                              String answer) {
        FeedbackHistoryEntry entry = new FeedbackHistoryEntry();
        entry.feedbackId = feedbackId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        entry.answer = answer;
        entry.persist();
    }
}
