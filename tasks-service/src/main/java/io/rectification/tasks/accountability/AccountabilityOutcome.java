package io.rectification.tasks.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** People held accountable, of one kind, as a document records them: a count, never names. */
@Entity
@Table(name = "accountability_outcome")
public class AccountabilityOutcome extends PanacheEntityBase implements AccountabilityRecord {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "problem_id")
    public UUID problemId;

    @Enumerated(EnumType.STRING)
    public AccountabilityKind kind;

    public int people;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    public String source;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Embedded
    public Revision revision;

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public long version() {
        return revision.version;
    }

    @Override
    public UUID inspectionId() {
        return inspectionId;
    }

    @Override
    public void open(UUID inspectionId, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.inspectionId = inspectionId;
        this.revision = Revision.first();
        this.createdAt = at;
    }

    @Override
    public void concern(UUID problemId) {
        this.problemId = problemId;
    }

    /** The figure as the document states it. */
    void take(AccountabilityInputs.Outcome input) {
        kind = input.kind();
        people = input.people();
        decidedOn = input.decidedOn();
        source = input.source().strip();
    }

    /** A correction: the next version, and why. */
    void correct(AccountabilityInputs.Outcome input, String reason, OffsetDateTime at) {
        take(input);
        revision.next(reason, at);
    }
}
