package io.rectification.tasks.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import io.rectification.tasks.support.Cancellation;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * 整改任务: one rectification task of a problem, numbered 一是=1, 二是=2… within the problem.
 * Every change, including to its milestones, indicators and evidence, touches {@code updatedAt}
 * so the version (the ETag) moves with it.
 */
@Entity
@Table(name = "rectification_task")
public class RectificationTask extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    /**
     * The version the task's last change reached: every version after it was made by a follow-up
     * notice alone (overdue, report missing, look-back due), which changes nothing anyone edits.
     * An If-Match naming any version from it on still holds ({@link TaskGuard}).
     */
    @Column(name = "edited_version")
    public long editedVersion;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "area_id")
    public UUID areaId;

    @Column(name = "problem_id")
    public UUID problemId;

    public int number;

    public String title;

    public String measures;

    @Column(name = "progress_narrative")
    public String progressNarrative;

    @Column(name = "lead_official")
    public String leadOfficial;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    @Column(name = "responsible_unit")
    public String responsibleUnit;

    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    public TaskKind kind;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    @Column(name = "percent_complete")
    public int percentComplete;

    /** A task that is not closed out is never counted as 100 % done. */
    static final int MAX_PERCENT_WHILE_OPEN = 99;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_cadence")
    public ReportingCadence reportingCadence;

    /** When set, verification waits until every indicator meets its target. */
    @Column(name = "require_indicators_met")
    public boolean requireIndicatorsMet;

    @Column(name = "last_progress_report_at")
    public OffsetDateTime lastProgressReportAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    /** The state the pending claim was made from, to which withdrawing it returns the task. */
    @Enumerated(EnumType.STRING)
    @Column(name = "claimed_from")
    public TaskState claimedFrom;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "reopen_count")
    public int reopenCount;

    /** Look-back reviews held since the current close-out ({@link #verifiedAt}). */
    @Column(name = "look_back_reviews_held")
    public int lookBackReviewsHeld;

    /** When the next look-back review of the current close-out is due; null when none is. */
    @Column(name = "look_back_due")
    public LocalDate lookBackDue;

    /** The latest rejected claim: why, by whom, when (kept after a new claim, so the owner sees it). */
    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;

    /**
     * The latest withdrawn claim (撤回销号申请): by whom, when, and why (null when they gave no
     * reason). Kept after a new claim, as the rejection is.
     */
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    /** The latest reopening (再整改) after a look-back: why, by whom, when. */
    @Column(name = "reopen_reason")
    public String reopenReason;

    @Column(name = "reopened_by")
    public String reopenedBy;

    @Column(name = "reopened_at")
    public OffsetDateTime reopenedAt;

    /** The latest look-back review (回头看), whatever its outcome: what the reviewers found, who, when. */
    @Enumerated(EnumType.STRING)
    @Column(name = "look_back_outcome")
    public ReviewOutcome lookBackOutcome;

    @Column(name = "look_back_findings")
    public String lookBackFindings;

    @Column(name = "look_back_by")
    public String lookBackBy;

    @Column(name = "look_back_at")
    public OffsetDateTime lookBackAt;

    /**
     * The verifier's note on the latest close-out or consolidation (for a LONG_TERM task, what is to be
     * consolidated, 巩固提升); null when the verifier wrote none.
     */
    @Column(name = "verification_note")
    public String verificationNote;

    @Column(name = "verification_at")
    public OffsetDateTime verificationAt;

    /** The latest change of the deadline: from and to which date, why (null when none was needed), who, when. */
    @Column(name = "deadline_changed_from")
    public LocalDate deadlineChangedFrom;

    @Column(name = "deadline_changed_to")
    public LocalDate deadlineChangedTo;

    @Column(name = "deadline_change_reason")
    public String deadlineChangeReason;

    @Column(name = "deadline_changed_by")
    public String deadlineChangedBy;

    @Column(name = "deadline_changed_at")
    public OffsetDateTime deadlineChangedAt;

    /**
     * The unit's deadline extension request (延期申请) waiting for the office's decision, if any: at most
     * one at a time ({@link DeadlineExtensions}); the snapshot shows it as pendingDeadlineExtension.
     */
    @Column(name = "pending_extension_id")
    public UUID pendingExtensionId;

    /**
     * Null while the task stands; set once when the office cancels it (撤销, entered by mistake), alone or
     * with its problem or area, never cleared. The state stays as it was: cancelled is not a state.
     */
    @Embedded
    public Cancellation cancellation;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The deadline was moved from {@code from} to the one it has now, by {@code by}, for {@code reason} (may be null). */
    void deadlineMoved(LocalDate from, String reason, String by, OffsetDateTime at) {
        deadlineChangedFrom = from;
        deadlineChangedTo = deadline;
        deadlineChangeReason = reason;
        deadlineChangedBy = by;
        deadlineChangedAt = at;
    }

    /** 销号: closed out at {@code at}; look-back reviews are scheduled from that day in {@code zone}. */
    void closeOut(OffsetDateTime at, ZoneId zone) {
        verifiedAt = at;
        lookBackReviewsHeld = 0;
        lookBackDue = LookBackSchedule.nextDue(at.atZoneSameInstant(zone).toLocalDate(), 0).orElse(null);
    }

    /**
     * A LONG_TERM task's stage goals due so far verified (阶段性销号): closed out from now on, as every count and
     * public page says ("已销号，巩固提升中"), so it carries that day. Look-backs wait for the final
     * close-out ({@link #closeOut}), which the consolidation leads to.
     */
    void consolidated(OffsetDateTime at) {
        verifiedAt = at;
    }

    /** A look-back review confirmed the close-out: the next one is scheduled. */
    void lookBackConfirmed(ZoneId zone) {
        lookBackReviewsHeld++;
        lookBackDue = LookBackSchedule.nextDue(verifiedAt.atZoneSameInstant(zone).toLocalDate(), lookBackReviewsHeld)
                .orElse(null);
    }

    /** A look-back review was held: its outcome and findings stay on the task, whatever the outcome. */
    void lookBackHeld(ReviewOutcome outcome, String findings, String reviewer, OffsetDateTime at) {
        lookBackOutcome = outcome;
        lookBackFindings = findings;
        lookBackBy = reviewer;
        lookBackAt = at;
    }

    /**
     * Verified or consolidated: the verifier and their note (or none) replace the previous ones. The
     * note's time is the verification's; {@link #verifiedAt} is the close-out's (the consolidation's,
     * then the final verification's).
     */
    void verifiedWith(String note, String verifier, OffsetDateTime at) {
        verifiedBy = verifier;
        verificationNote = note;
        verificationAt = at;
    }

    /** Completion claimed by {@code claimant} from the state {@code from}, where withdrawing it leads back. */
    void claimed(TaskState from, String claimant, OffsetDateTime at) {
        claimedFrom = from;
        claimedBy = claimant;
        claimedAt = at;
    }

    /**
     * The owners took their claim back before anyone decided on it: no claim stands, and the
     * withdrawal is recorded. The percent stays as they last reported it: a claim never set it, and
     * a withdrawal is no one's judgement of the work (a rejection is, hence its cap below 100).
     * The reopening stays, so the next claim still needs evidence recorded since then.
     */
    void claimWithdrawn(String reason, String withdrawer, OffsetDateTime at) {
        claimedFrom = null;
        claimedBy = null;
        claimedAt = null;
        withdrawalReason = reason;
        withdrawnBy = withdrawer;
        withdrawnAt = at;
    }

    /**
     * A supervisor sent the claim back: the reason stays on the task for its owner to read. The work
     * is not done, so the percent stays below 100 (the owners' 100 was their word, which the
     * verification did not accept), as for a reopened task.
     */
    void claimRejected(String reason, String reviewer, OffsetDateTime at) {
        percentComplete = Math.min(percentComplete, MAX_PERCENT_WHILE_OPEN);
        rejectionReason = reason;
        rejectedBy = reviewer;
        rejectedAt = at;
    }

    /**
     * Reopened (再整改): no look-back is due until the next close-out; the reason stays on the task.
     * The task is not done, so its percent falls back to what its owners last reported (the
     * close-out's 100 was the verifier's, not a measure of the work), or 0 without a report; and
     * never 100, which would count a reopened task as finished in every roll-up.
     */
    void reopened(String reason, String reviewer, OffsetDateTime at, OptionalInt lastReportedPercent) {
        percentComplete = Math.min(lastReportedPercent.orElse(0), MAX_PERCENT_WHILE_OPEN);
        reopenReason = reason;
        reopenedBy = reviewer;
        reopenedAt = at;
        reopenCount++;
        lookBackDue = null;
        claimedFrom = null;
        claimedBy = null;
        claimedAt = null;
    }

    /**
     * 撤销: cancelled by the office as entered by mistake. The state stays (cancelled is not a state); a
     * pending claim just ends undecided, and the deadline extension request pending, if any, is no longer
     * the task's ({@link TaskCancellations} closes it).
     */
    void cancel(String reason, String by, OffsetDateTime at) {
        cancellation = Cancellation.of(reason, by, at);
        pendingExtensionId = null;
    }

    public boolean cancelled() {
        return cancellation != null;
    }

    /**
     * Every change moves {@code updatedAt} and so, on the flush that follows, the version by one: the
     * version after that flush is this change's.
     */
    void touch(OffsetDateTime now) {
        updatedAt = now;
        editedVersion = version + 1;
    }
}
