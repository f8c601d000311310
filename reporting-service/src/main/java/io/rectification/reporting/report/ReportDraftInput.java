package io.rectification.reporting.report;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The texts staff supply for a report: section 一, section 三, and the signature (issuer and date). */
public record ReportDraftInput(
        @Size(max = 50_000) String leadershipResponsibility,
        @Size(max = 50_000) String nextSteps,
        @Size(max = 200) String issuer,
        LocalDate issuedOn) {
}
