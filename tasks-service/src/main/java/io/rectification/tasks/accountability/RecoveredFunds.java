package io.rectification.tasks.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An amount recovered or retrieved, in 万元 (as notices state them), from a document. */
@Entity
@Table(name = "recovered_funds")
public class RecoveredFunds extends PanacheEntityBase implements AccountabilityRecord {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "problem_id")
    public UUID problemId;

    @Enumerated(EnumType.STRING)
    public FundsKind kind;

    @Column(name = "amount_wan_yuan")
    public BigDecimal amountWanYuan;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;

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

    void take(AccountabilityInputs.Funds input) {
        kind = input.kind();
        amountWanYuan = input.amountWanYuan();
        recordedOn = input.recordedOn();
        source = input.source().strip();
    }

    /** A correction: the next version, and why. */
    void correct(AccountabilityInputs.Funds input, String reason, OffsetDateTime at) {
        take(input);
        revision.next(reason, at);
    }
}
