package io.rectification.reporting.report;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The texts and choices staff supply for a report: section 一, section 三, the signature (issuer and
 * date), the publication whose window and channels it shows, whether problems from other sources get
 * their own part, and why the report lists fewer items than the plan declares.
 */
public record ReportDraftInput(
        @Size(max = 50_000) String leadershipResponsibility,
        @Size(max = 50_000) String nextSteps,
        @Size(max = 200) String issuer,
        LocalDate issuedOn,
        UUID publicationId,
        Boolean includeOtherSources,
        @Size(max = 5_000) String totalsExplanation) {
}
