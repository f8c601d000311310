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

    /** {@code version} is the ETag a correction names in If-Match; the last correction's time and reason, if any. */
    @Schema(requiredProperties = {"id", "version", "inspectionId", "kind", "people", "decidedOn", "source",
            "createdAt"})
    public record Outcome(UUID id, long version, UUID inspectionId, UUID problemId, AccountabilityKind kind, int people,
                          LocalDate decidedOn, String source, OffsetDateTime createdAt, OffsetDateTime correctedAt,
                          String correctionReason) {

        static Outcome of(AccountabilityOutcome o) {
            return new Outcome(o.id, o.revision.version, o.inspectionId, o.problemId, o.kind, o.people, o.decidedOn, o.source,
                    o.createdAt, o.revision.correctedAt, o.revision.correctionReason);
        }

        /** Counts by kind: never the reason, which may name people. */
        TasksEvent.AccountabilityOutcomeSnapshot published() {
            return new TasksEvent.AccountabilityOutcomeSnapshot(id, version, inspectionId, problemId, kind.name(),
                    people, decidedOn, source);
        }
    }

    /** As {@link Outcome}: {@code version} is the ETag a correction names in If-Match. */
    @Schema(requiredProperties = {"id", "version", "inspectionId", "kind", "amountWanYuan", "recordedOn", "source",
            "createdAt"})
    public record Funds(UUID id, long version, UUID inspectionId, UUID problemId, FundsKind kind, BigDecimal amountWanYuan,
                        LocalDate recordedOn, String source, OffsetDateTime createdAt, OffsetDateTime correctedAt,
                        String correctionReason) {

        static Funds of(RecoveredFunds f) {
            return new Funds(f.id, f.revision.version, f.inspectionId, f.problemId, f.kind, f.amountWanYuan.stripTrailingZeros(),
                    f.recordedOn, f.source, f.createdAt, f.revision.correctedAt, f.revision.correctionReason);
        }

        /** Never the reason, which may name people. */
        TasksEvent.RecoveredFundsSnapshot published() {
            return new TasksEvent.RecoveredFundsSnapshot(id, version, inspectionId, problemId, kind.name(), amountWanYuan,
                    recordedOn, source);
        }
    }

    /** Every record of the inspection, oldest first, with totals: people by kind, and 万元 by kind. */
    @Schema(requiredProperties = {"inspectionId", "outcomes", "funds", "peopleByKind", "peopleTotal", "wanYuanByKind"})
    public record Summary(UUID inspectionId, List<Outcome> outcomes, List<Funds> funds,
                          Map<AccountabilityKind, Integer> peopleByKind, int peopleTotal,
                          Map<FundsKind, BigDecimal> wanYuanByKind) {
    }
}
