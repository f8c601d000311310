package io.rectification.tasks.accountability;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What staff record; {@code problemId} (optional) must be a problem of the inspection. */
public final class AccountabilityInputs {

    private AccountabilityInputs() {
    }

    /** {@code source}: the document the figure is taken from (通报, 处分决定…). */
    public record Outcome(@NotNull AccountabilityKind kind, @NotNull @Min(1) @Max(100000) Integer people,
                          UUID problemId, @NotNull LocalDate decidedOn, @NotBlank @Size(max = 500) @NoContactDetails String source) {
    }

    /** A recorded outcome as it should read, and why it is corrected (kept with the record and its audit entry). */
    public record OutcomeCorrection(@NotNull @Valid Outcome outcome, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Funds(@NotNull FundsKind kind,
                        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("9999999999")
                        @Digits(integer = 10, fraction = 4) BigDecimal amountWanYuan,
                        UUID problemId, @NotNull LocalDate recordedOn, @NotBlank @Size(max = 500) @NoContactDetails String source) {
    }

    /** A recorded amount as it should read, and why it is corrected (kept with the entry and its audit entry). */
    public record FundsCorrection(@NotNull @Valid Funds funds, @NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * Why a record is withdrawn (撤销登记): entered twice, or for another inspection; kept with the record and
     * its audit entry, never published (it may name people).
     */
    public record WithdrawalReason(@NotBlank @Size(max = 500) String reason) {
    }
}
