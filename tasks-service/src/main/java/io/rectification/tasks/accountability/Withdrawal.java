package io.rectification.tasks.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;

/**
 * A record withdrawn (撤销登记) as entered by mistake: when, by whom and why. The record stays, on its
 * audit trail and in the lists, but no total counts it. Null on a record that stands (every column is
 * null then, so JPA reads no embeddable at all).
 */
@Embeddable
public class Withdrawal {

    @Column(name = "withdrawn_at")
    public OffsetDateTime at;

    @Column(name = "withdrawn_by")
    public String by;

    @Column(name = "withdrawal_reason")
    public String reason;

    static Withdrawal of(String reason, String by, OffsetDateTime at) {
        Withdrawal withdrawal = new Withdrawal();
        withdrawal.at = at;
        withdrawal.by = by;
        withdrawal.reason = reason.strip();
        return withdrawal;
    }
}
