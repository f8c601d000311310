package io.rectification.tasks.task;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.support.Cancellation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API shows it and as every Task event carries it (the public snapshot of the
 * event contract, plus version, flags and the numbers of its area and problem). {@code areaNumber}
 * and {@code problemNumber} are the API's only, not the event's, whose consumers number areas and
 * problems from their own events. {@code claimedAt}: when {@code claimedBy} claimed completion (申请时间), the
 * API's only too (the event that made the claim carries its time), for the supervisors' queue (销号核实);
 * {@code overdue}: past its deadline and not closed out;
 * {@code progressReportMissing}: the report its cadence expects has not come;
 * {@code nextLookBackDue}: when the next scheduled look-back review (回头看) of a close-out is due;
 * {@code lastRejection} and {@code lastReopen}: the latest rejected claim and reopening with their reasons;
 * {@code lastWithdrawal}: the latest claim its owners withdrew, with their reason when they gave one;
 * {@code lastLookBack}: the latest look-back review with its findings, a confirmation's too;
 * {@code verificationNote}: the verifier's note on the latest close-out or consolidation;
 * {@code lastDeadlineChange}: the latest move of the deadline, from and to which date, why, who, when;
 * {@code pendingDeadlineExtension}: the unit's deadline extension request (延期申请) waiting for the office;
 * {@code cancellation}: the office cancelled the task (撤销) as entered by mistake, why, who, when (the API's
 * only: the events carry {@code cancelledAt} alone, the reason stays in the service).
 */
@Schema(requiredProperties = {"id", "version", "inspectionId", "areaId", "problemId", "areaNumber", "problemNumber",
        "number", "title", "measures",
        "leadOfficial", "responsiblePerson", "responsibleUnit", "deadline", "kind", "state", "percentComplete",
        "requireIndicatorsMet", "indicators", "milestones", "evidenceCount", "evidenceWithFileOrReference", "reopenCount", "overdue",
        "progressReportMissing", "allowedTransitions"})
public record TaskSnapshot(UUID id, long version, UUID inspectionId, UUID areaId, UUID problemId,
                           @Schema(description = "its area's number ((一) = 1)") int areaNumber,
                           @Schema(description = "its problem's number within the area") int problemNumber,
                           @Schema(description = "its own number within the problem (一是 = 1): with areaNumber and "
                                   + "problemNumber it names the task as the plan does, (一)3.二是") int number,
                           String title, String measures, String progressNarrative, String leadOfficial,
                           String responsiblePerson, String responsibleUnit, LocalDate deadline, TaskKind kind,
                           TaskState state, int percentComplete, ReportingCadence reportingCadence,
                           boolean requireIndicatorsMet, OffsetDateTime lastProgressReportAt,
                           List<IndicatorView> indicators, List<MilestoneView> milestones, long evidenceCount,
                           @Schema(description = "how many of its evidence entries a supervisor can check: with a "
                                   + "file attached or a reference (document number, ledger name); claiming completion "
                                   + "and verifying need one (409 missing evidenceWithFileOrReference)")
                           long evidenceWithFileOrReference,
                           String claimedBy,
                           @Schema(description = "when claimedBy made the latest claim of completion (申请时间); null "
                                   + "when none was made, or after a withdrawal or a reopening") OffsetDateTime claimedAt,
                           OffsetDateTime verifiedAt, int reopenCount, boolean overdue,
                           boolean progressReportMissing, LocalDate nextLookBackDue,
                           Decision lastRejection, Decision lastReopen, Withdrawal lastWithdrawal,
                           LookBack lastLookBack, Note verificationNote, List<TaskAction> allowedTransitions,
                           DeadlineChange lastDeadlineChange, PendingExtension pendingDeadlineExtension,
                           Cancellation.View cancellation) {

    /** As every Task event carries it: the contract's record, enum values by name. */
    public TasksEvent.TaskSnapshot published() {
        return new TasksEvent.TaskSnapshot(id, version, inspectionId, areaId, problemId, number, title, measures,
                progressNarrative, leadOfficial, responsiblePerson, responsibleUnit, deadline, kind.name(),
                state.name(), percentComplete, reportingCadence == null ? null : reportingCadence.name(),
                requireIndicatorsMet, lastProgressReportAt,
                indicators.stream().map(IndicatorView::published).toList(),
                milestones.stream().map(MilestoneView::published).toList(), evidenceCount, claimedBy, verifiedAt,
                reopenCount, overdue, progressReportMissing, nextLookBackDue, Decision.published(lastRejection),
                Decision.published(lastReopen), Withdrawal.published(lastWithdrawal), LookBack.published(lastLookBack),
                Note.published(verificationNote),
                allowedTransitions.stream().map(Enum::name).toList(), DeadlineChange.published(lastDeadlineChange),
                PendingExtension.published(pendingDeadlineExtension),
                cancellation == null ? null : cancellation.at());
    }

    /** A decision about the task that the owner must be able to read: why, by whom, when. */
    @Schema(requiredProperties = {"reason", "by", "at"})
    public record Decision(String reason, String by, OffsetDateTime at) {

        static Decision of(String reason, String by, OffsetDateTime at) {
            return reason == null ? null : new Decision(reason, by, at);
        }

        static TasksEvent.Decision published(Decision decision) {
            return decision == null ? null : new TasksEvent.Decision(decision.reason, decision.by, decision.at);
        }
    }

    /** A claim its owners withdrew: why (null when they did not say), who, when. */
    public record Withdrawal(String reason, String by, OffsetDateTime at) {

        static Withdrawal of(String reason, String by, OffsetDateTime at) {
            return by == null ? null : new Withdrawal(reason, by, at);
        }

        static TasksEvent.Withdrawal published(Withdrawal withdrawal) {
            return withdrawal == null ? null : new TasksEvent.Withdrawal(withdrawal.reason, withdrawal.by, withdrawal.at);
        }
    }

    /** The latest look-back review: its outcome and findings (null when the reviewers wrote none), who, when. */
    @Schema(requiredProperties = {"outcome", "by", "at"})
    public record LookBack(ReviewOutcome outcome, String findings, String by, OffsetDateTime at) {

        static LookBack of(ReviewOutcome outcome, String findings, String by, OffsetDateTime at) {
            return outcome == null ? null : new LookBack(outcome, findings, by, at);
        }

        static TasksEvent.LookBack published(LookBack lookBack) {
            return lookBack == null ? null
                    : new TasksEvent.LookBack(lookBack.outcome.name(), lookBack.findings, lookBack.by, lookBack.at);
        }
    }

    /**
     * A move of the deadline (完成时限) by the office: from which date to which, why (always said for a
     * later one, 延期; null when an earlier one came without), who, when.
     */
    @Schema(requiredProperties = {"from", "to", "by", "at"})
    public record DeadlineChange(LocalDate from, LocalDate to, String reason, String by, OffsetDateTime at) {

        static DeadlineChange of(LocalDate from, LocalDate to, String reason, String by, OffsetDateTime at) {
            return at == null ? null : new DeadlineChange(from, to, reason, by, at);
        }

        static TasksEvent.DeadlineChange published(DeadlineChange change) {
            return change == null ? null : new TasksEvent.DeadlineChange(change.from, change.to, change.reason, change.by, change.at);
        }
    }

    /** A deadline extension request (延期申请) waiting for the office's decision: which date, why, who asked, when. */
    @Schema(requiredProperties = {"id", "requestedDeadline", "reason", "by", "at"})
    public record PendingExtension(UUID id, LocalDate requestedDeadline, String reason, String by, OffsetDateTime at) {

        static PendingExtension of(DeadlineExtensionRequest request) {
            return request == null ? null : new PendingExtension(request.id, request.requestedDeadline, request.reason,
                    request.requestedBy, request.requestedAt);
        }

        static TasksEvent.DeadlineExtension published(PendingExtension pending) {
            return pending == null ? null : new TasksEvent.DeadlineExtension(pending.id, pending.requestedDeadline,
                    pending.reason, pending.by, pending.at);
        }
    }

    /** A staff member's note on a step: what, who, when. */
    @Schema(requiredProperties = {"text", "by", "at"})
    public record Note(String text, String by, OffsetDateTime at) {

        static Note of(String text, String by, OffsetDateTime at) {
            return text == null ? null : new Note(text, by, at);
        }

        static TasksEvent.Note published(Note note) {
            return note == null ? null : new TasksEvent.Note(note.text, note.by, note.at);
        }
    }

    @Schema(requiredProperties = {"id", "name", "unit", "targetKind", "targetValue", "direction", "met"})
    public record IndicatorView(UUID id, String name, String unit, BigDecimal baseline, TargetKind targetKind,
                                BigDecimal targetValue, Direction direction, BigDecimal latestActual,
                                String latestSource, boolean met) {

        TasksEvent.Indicator published() {
            return new TasksEvent.Indicator(id, name, unit, baseline, targetKind.name(), targetValue,
                    direction.name(), latestActual, latestSource, met);
        }
    }

    @Schema(requiredProperties = {"id", "title", "dueDate"})
    public record MilestoneView(UUID id, String title, LocalDate dueDate, OffsetDateTime achievedAt) {

        TasksEvent.Milestone published() {
            return new TasksEvent.Milestone(id, title, dueDate, achievedAt);
        }
    }
}
