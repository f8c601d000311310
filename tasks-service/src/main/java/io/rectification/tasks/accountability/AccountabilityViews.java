package io.rectification.tasks.accountability;

import io.rectification.platform.contract.TasksEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Accountability records as the API shows them, and the inspection's totals. */
public final class AccountabilityViews {

    private AccountabilityViews() {
    }

    /**
     * {@code version} is the ETag a correction or withdrawal names in If-Match; the last correction's time and
     * reason, if any; {@code state} WITHDRAWN (in no total) with who withdrew it, when and why.
     */
    @Schema(requiredProperties = {"id", "version", "state", "inspectionId", "kind", "people", "decidedOn", "source",
            "createdAt"})
    public record Outcome(UUID id, long version, RecordState state, UUID inspectionId, UUID problemId, AccountabilityKind kind,
                          int people, LocalDate decidedOn, String source, OffsetDateTime createdAt,
                          OffsetDateTime correctedAt, String correctionReason, OffsetDateTime withdrawnAt,
                          String withdrawnBy, String withdrawalReason) {

        static Outcome of(AccountabilityOutcome o) {
            Withdrawal w = o.withdrawal;
            return new Outcome(o.id, o.revision.version, o.state(), o.inspectionId, o.problemId, o.kind, o.people,
                    o.decidedOn, o.source, o.createdAt, o.revision.correctedAt, o.revision.correctionReason,
                    w == null ? null : w.at, w == null ? null : w.by, w == null ? null : w.reason);
        }

        boolean counts() {
            return state == RecordState.RECORDED;
        }

        /** Counts by kind: never the reason, which may name people. */
        TasksEvent.AccountabilityOutcomeSnapshot published() {
            return new TasksEvent.AccountabilityOutcomeSnapshot(id, version, inspectionId, problemId, kind.name(),
                    people, decidedOn, source);
        }
    }

    /** As {@link Outcome}: {@code version} is the ETag a correction or withdrawal names in If-Match. */
    @Schema(requiredProperties = {"id", "version", "state", "inspectionId", "kind", "amountWanYuan", "recordedOn", "source",
            "createdAt"})
    public record Funds(UUID id, long version, RecordState state, UUID inspectionId, UUID problemId, FundsKind kind,
                        BigDecimal amountWanYuan, LocalDate recordedOn, String source, OffsetDateTime createdAt,
                        OffsetDateTime correctedAt, String correctionReason, OffsetDateTime withdrawnAt,
                        String withdrawnBy, String withdrawalReason) {

        static Funds of(RecoveredFunds f) {
            Withdrawal w = f.withdrawal;
            return new Funds(f.id, f.revision.version, f.state(), f.inspectionId, f.problemId, f.kind,
                    f.amountWanYuan.stripTrailingZeros(), f.recordedOn, f.source, f.createdAt, f.revision.correctedAt,
                    f.revision.correctionReason, w == null ? null : w.at, w == null ? null : w.by,
                    w == null ? null : w.reason);
        }

        boolean counts() {
            return state == RecordState.RECORDED;
        }

        /** Never the reason, which may name people. */
        TasksEvent.RecoveredFundsSnapshot published() {
            return new TasksEvent.RecoveredFundsSnapshot(id, version, inspectionId, problemId, kind.name(), amountWanYuan,
                    recordedOn, source);
        }
    }

    /**
     * Every record of the inspection, oldest first, withdrawn ones included (state WITHDRAWN), with totals of
     * the records that count: people by kind, and 万元 by kind.
     */
    @Schema(requiredProperties = {"inspectionId", "outcomes", "funds", "peopleByKind", "peopleTotal", "wanYuanByKind"})
    public record Summary(UUID inspectionId, List<Outcome> outcomes, List<Funds> funds,
                          Map<AccountabilityKind, Integer> peopleByKind, int peopleTotal,
                          Map<FundsKind, BigDecimal> wanYuanByKind) {
    }
}
