package io.rectification.tasks.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every accountability record has (its inspection, the problem it may concern, the document
 * it comes from, its revisions, its withdrawal if any), so that recording, correcting and withdrawing
 * take one path.
 */
@MappedSuperclass
public abstract class AccountabilityRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The inspection the record belongs to (a record is found only through it). */
    @Column(name = "inspection_id")
    public UUID inspectionId;

    /** The problem the record concerns (null: the inspection as a whole). */
    @Column(name = "problem_id")
    public UUID problemId;

    /** The document that states the figure. */
    public String source;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Embedded
    public Revision revision;

    /** Null while the record stands; set once when it is withdrawn (撤销登记), never cleared. */
    @Embedded
    public Withdrawal withdrawal;

    /** 1 when recorded; one more with each correction. */
    public long version() {
        return revision.version;
    }

    /** A new record of the inspection: its id and when it was made. */
    void open(UUID inspectionId, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.inspectionId = inspectionId;
        this.revision = Revision.first();
        this.createdAt = at;
    }

    /** The problem the record concerns, already checked to be the inspection's. */
    void concern(UUID problemId) {
        this.problemId = problemId;
    }

    /** A correction: the next version, and why; {@code take} has already set the corrected figure. */
    void revise(String reason, OffsetDateTime at) {
        revision.next(reason, at);
    }

    public RecordState state() {
        return withdrawal == null ? RecordState.RECORDED : RecordState.WITHDRAWN;
    }

    /** Withdrawn (撤销登记): the next version, the figure left as it was, who and why kept beside it. */
    void withdraw(String reason, String by, OffsetDateTime at) {
        revision.nextUnchanged();
        withdrawal = Withdrawal.of(reason, by, at);
    }
}
