package io.rectification.tasks.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;

/**
 * Where a correctable accountability record stands: its version (checked by If-Match and moved by
 * hand under a row lock, not JPA's {@code @Version}: a record starts at 1, as its event always said)
 * and the last correction's time and reason. Outcomes and recovered funds are corrected alike, so
 * the rule is written once here.
 */
@Embeddable
public class Revision {

    public long version;

    @Column(name = "corrected_at")
    public OffsetDateTime correctedAt;

    @Column(name = "correction_reason")
    public String correctionReason;

    static Revision first() {
        Revision revision = new Revision();
        revision.version = 1;
        return revision;
    }

    /** The next version, and why. */
    void next(String reason, OffsetDateTime at) {
        version++;
        correctedAt = at;
        correctionReason = reason.strip();
    }

    /** The next version with the figure as it was: a withdrawal, whose reason is its own ({@link Withdrawal}). */
    void nextUnchanged() {
        version++;
    }
}
