package io.rectification.tasks.support;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.time.InstantText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A task, problem or area cancelled (撤销) by the office as entered by mistake: when, by whom and why. The
 * thing stays, on its audit trail and readable by its id, but no list shows it by default, no figure
 * counts it and nothing changes it any more. Null on one that stands (every column is null then, so JPA
 * reads no embeddable at all). Not the completion-claim withdrawal (撤回销号申请) nor the accountability
 * record's withdrawal (撤销登记).
 */
@Embeddable
public class Cancellation {

    @Column(name = "cancelled_at")
    public OffsetDateTime at;

    @Column(name = "cancelled_by")
    public String by;

    @Column(name = "cancellation_reason")
    public String reason;

    /** The list parameter that shows what was cancelled too. */
    public static final String INCLUDE_CANCELLED = "true: list what the office cancelled (撤销) as entered by mistake too;"
            + " by default a list shows what stands";

    public static Cancellation of(String reason, String by, OffsetDateTime at) {
        Cancellation cancellation = new Cancellation();
        cancellation.at = at;
        cancellation.by = by;
        cancellation.reason = reason.strip();
        return cancellation;
    }

    /** JPQL: the entity named {@code alias} stands (is not cancelled). */
    public static String standing(String alias) {
        return alias + ".cancellation.at is null";
    }

    /**
     * The 409 of any command on what {@code cancellation} cancelled, or on something under it: {@code what}
     * names it ("task 3f…", "problem 9a… of this task"). Said before a stale If-Match: reloading would not help.
     */
    public static ApiException refusal(String what, Cancellation cancellation, InstantText instants) {
        // in the service's time zone, as every other time it states (+08:00, not the database's UTC)
        OffsetDateTime at = instants.at(cancellation.at.toInstant());
        return ApiException.conflict(what + " was cancelled (撤销) by " + cancellation.by + " at " + instants.format(at)
                + " as entered by mistake: it changes no more").with("cancelledAt", at);
    }

    /**
     * The guarded loaders' check (task, problem, area), before If-Match: the 409 of {@link #refusal} with the
     * {@code currentVersion} of {@code what}, unless it stands ({@code cancellation} null).
     */
    public static void requireStanding(String what, Cancellation cancellation, long currentVersion,
                                       InstantText instants) {
        if (cancellation != null) {
            throw refusal(what, cancellation, instants).with("currentVersion", currentVersion);
        }
    }

    /** As the staff API shows it: why, by whom, when; null on what stands. The events carry only {@code at}. */
    @Schema(name = "Cancellation", requiredProperties = {"reason", "by", "at"},
            description = "the office cancelled it (撤销) as entered by mistake: why, who, when; null while it stands")
    public record View(String reason, String by, OffsetDateTime at) {

        public static View of(Cancellation cancellation) {
            return cancellation == null ? null : new View(cancellation.reason, cancellation.by, cancellation.at);
        }
    }

    /**
     * What a plan row matching this cancelled {@code what} ("task 1.2.3") says, and why it is a CONFLICT: a
     * re-import does not bring back what the office cancelled. The day in {@code zone}, the service's.
     */
    public String planConflict(String what, ZoneId zone) {
        return what + " was cancelled (撤销) on " + at.atZoneSameInstant(zone).toLocalDate() + " as entered by mistake:"
                + " the plan does not bring it back; take the row out of the plan, or register it anew under a new number";
    }

    /** When, for the events' snapshots: null while it stands. */
    public static OffsetDateTime at(Cancellation cancellation) {
        return cancellation == null ? null : cancellation.at;
    }
}
