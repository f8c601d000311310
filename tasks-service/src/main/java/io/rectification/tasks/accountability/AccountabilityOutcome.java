package io.rectification.tasks.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
public class AccountabilityOutcome extends PanacheEntityBase {

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
}
