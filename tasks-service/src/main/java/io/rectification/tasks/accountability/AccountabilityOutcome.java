package io.rectification.tasks.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** People held accountable, of one kind, as a document records them: a count, never names. */
@Entity
@Table(name = "accountability_outcome")
public class AccountabilityOutcome extends AccountabilityRecord {

    @Enumerated(EnumType.STRING)
    public AccountabilityKind kind;

    public int people;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

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
        revise(reason, at);
    }
}
