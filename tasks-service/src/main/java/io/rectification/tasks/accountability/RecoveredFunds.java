package io.rectification.tasks.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An amount recovered or retrieved, in 万元 (as notices state them), from a document. */
@Entity
@Table(name = "recovered_funds")
public class RecoveredFunds extends AccountabilityRecord {

    @Enumerated(EnumType.STRING)
    public FundsKind kind;

    @Column(name = "amount_wan_yuan")
    public BigDecimal amountWanYuan;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;

    void take(AccountabilityInputs.Funds input) {
        kind = input.kind();
        amountWanYuan = input.amountWanYuan();
        recordedOn = input.recordedOn();
        source = input.source().strip();
    }

    /** A correction: the next version, and why. */
    void correct(AccountabilityInputs.Funds input, String reason, OffsetDateTime at) {
        take(input);
        revise(reason, at);
    }
}
