package io.rectification.feedback.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * 意见建议: one piece of public feedback on a publication. {@code text} is stored exactly as sent;
 * the submitter's details are only in the sealed columns (see PersonalDataCipher), until the
 * retention period after its last step is over (retention.PersonalDataErasure), which erases them
 * and rewrites the text to its masked form.
 */
@Entity
public class Feedback extends PanacheEntityBase {

    /** The aggregate type its events and audit entries carry. */
    public static final String AGGREGATE = "Feedback";

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "publication_id")
    public UUID publicationId;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Enumerated(EnumType.STRING)
    public FeedbackChannel channel;

    @Enumerated(EnumType.STRING)
    public FeedbackCategory category;

    @Enumerated(EnumType.STRING)
    public FeedbackStatus status;

    @Column(name = "area_id")
    public UUID areaId;

    @Column(name = "problem_id")
    public UUID problemId;

    @Column(name = "task_id")
    public UUID taskId;

    /**
     * Written with the row and afterwards only by the retention period's erasure (masked, in place, without
     * a new version): a staff step's update must never write back the text as sent it read before.
     */
    @Column(updatable = false)
    public String text;

    public boolean anonymous;

    /*
     * The personal data (sealed contact details, the client's pseudonym) and the key protecting it are
     * written with the row and afterwards only by the rekey run (PersonalDataRekey) and the retention period's
     * erasure (PersonalDataErasure), in place: a staff
     * step's update, which writes every column it maps, must never write back the values it read
     * before a rekey batch re-sealed them, so these columns are left out of every update.
     */
    @Column(name = "name_sealed", updatable = false)
    public byte[] nameSealed;

    @Column(name = "phone_sealed", updatable = false)
    public byte[] phoneSealed;

    @Column(name = "email_sealed", updatable = false)
    public byte[] emailSealed;

    @Column(name = "address_sealed", updatable = false)
    public byte[] addressSealed;

    /** The id of the key its personal data is protected with; null when it holds none (V9). */
    @Column(name = "personal_key_id", updatable = false)
    public String personalKeyId;

    /**
     * When the retention period's erasure removed the sealed contact details and pseudonyms (V14); null while
     * they are kept. Written only by that erasure, in place, like the columns it clears.
     */
    @Column(name = "personal_data_erased_at", updatable = false)
    public OffsetDateTime personalDataErasedAt;

    @Column(name = "receipt_number")
    public String receiptNumber;

    /** A keyed hash of the client's address, or of the integration client's name (Open311 with a valid api_key), for rate and duplicate checks. */
    @Column(name = "client_key", updatable = false)
    public String clientKey;

    /** The integration client that submitted it through Open311 (the api_key's holder); null otherwise. */
    @Column(name = "api_client")
    public String apiClient;

    @Column(name = "text_fingerprint")
    public String textFingerprint;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    /**
     * False when staff registered a call or letter without its time of day: receivedAt is then the day's 00:00 in
     * the publication's zone, the day alone, not a call at midnight. Stored (V16) so that the staff view, the
     * tracking page and the events say it alike, none reading it back from the history's text.
     */
    @Column(name = "received_time_given")
    public boolean receivedTimeGiven = true;

    @Column(name = "reply_due_at")
    public OffsetDateTime replyDueAt;

    @Column(name = "triaged_at")
    public OffsetDateTime triagedAt;

    /** When the first answer was published: a revision keeps it, so the answered-in-time figure counts the first reply. */
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    /** When the published answer was last replaced by a revision; null while the first answer stands. */
    @Column(name = "answer_revised_at")
    public OffsetDateTime answerRevisedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public String answer;

    @Column(name = "merged_into_id")
    public UUID mergedIntoId;

    /** The problem tasks-service registered from this feedback's escalation (ProblemRegistered, source FEEDBACK). */
    @Column(name = "escalated_problem_id")
    public UUID escalatedProblemId;

    /**
     * The version this feedback was last escalated at (its FeedbackEscalated event's): a refusal names the version
     * it refuses, so one of an earlier escalation, late or redelivered, does not refuse the one now waiting.
     */
    @Column(name = "escalation_version")
    public Long escalationVersion;

    /** Why tasks-service refused the last escalation (ESCALATION_REFUSED); written by tasks-service, for staff. */
    @Column(name = "escalation_refused_reason")
    public String escalationRefusedReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The last staff step (triage, answer, close, escalation, merge); null until the first. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /**
     * The feedback whose answer (and problem) this one's submitter is shown: itself, or for a
     * merged one the feedback its merges end at. A merge is refused into a merged feedback, under
     * both rows' locks, so a merge leads to one that is not merged; data written before that check
     * held may still chain (followed to its end) or loop (then the loop's start: no answer).
     */
    public Feedback answering() {
        Feedback at = this;
        Set<UUID> passed = new HashSet<>();
        while (at.mergedIntoId != null && passed.add(at.id)) {
            Feedback next = findById(at.mergedIntoId);
            if (next == null) {
                break;
            }
            at = next;
        }
        return at;
    }

    /** When the feedback last changed as its submitter sees it. */
    public OffsetDateTime lastChangedAt() {
        return updatedAt != null ? updatedAt : receivedAt;
    }
}
