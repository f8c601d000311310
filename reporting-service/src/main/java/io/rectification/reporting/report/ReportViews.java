package io.rectification.reporting.report;

import io.rectification.platform.error.ErrorBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ReportViews {

    private ReportViews() {
    }

    @Schema(requiredProperties = {"inspectionId", "version", "includeOtherSources", "updatedAt"})
    public record Draft(UUID inspectionId, long version, String leadershipResponsibility, String nextSteps, String issuer,
                        LocalDate issuedOn, UUID publicationId, boolean includeOtherSources,
                        String totalsExplanation, String updatedBy, OffsetDateTime updatedAt) {

        static Draft of(ReportDraft draft) {
            return new Draft(draft.inspectionId, draft.version, draft.leadershipResponsibility, draft.nextSteps, draft.issuer,
                    draft.issuedOn, draft.publicationId, draft.includeOtherSources, draft.totalsExplanation,
                    draft.updatedBy, draft.updatedAt);
        }
    }

    /**
     * A published version, as anyone may list it: its publication, the window and channels it was published
     * with ({@code disclosure}: kept by the version, so a later edit of the publication does not change it;
     * null for versions published before it was kept) and its signature, no staff names (who published it is
     * on the audit trail); its text is at {@code html} and {@code markdown}, laid out as {@code pdf}.
     */
    @Schema(requiredProperties = {"inspectionId", "number", "publishedAt", "html", "markdown", "pdf"})
    public record Version(UUID inspectionId, int number, OffsetDateTime publishedAt, UUID publicationId,
                          ReportDocument.Disclosure disclosure, String issuer, LocalDate issuedOn, String html,
                          String markdown, String pdf) {

        static Version of(ReportVersion version) {
            String base = "/reports/" + version.inspectionId + "/versions/" + version.number;
            return new Version(version.inspectionId, version.number, version.publishedAt, version.publicationId,
                    version.disclosure(), version.issuer, version.issuedOn, base + ".html", base + ".md", base + ".pdf");
        }
    }

    /**
     * What stands between the draft and publication: each missing part and each disagreeing figure as
     * field errors, and all of them as the clerk reads them ({@code warnings}, in Chinese, as the preview
     * shows them under the title). {@code notices}: what the clerk should know that does not stop publication:
     * numbers of section 二 that changed since the version in force (publishing a new version settles it).
     */
    @Schema(requiredProperties = {"publishable", "incomplete", "disagreements", "warnings", "notices"})
    public record Checks(boolean publishable, List<ErrorBody.FieldError> incomplete, List<ErrorBody.FieldError> disagreements,
                         List<Warning> warnings, List<Warning> notices) {

        static Checks of(List<ReportChecks.Finding> incomplete, List<ReportChecks.Finding> disagreements,
                         List<ReportChecks.Finding> notices) {
            return new Checks(incomplete.isEmpty() && disagreements.isEmpty(), ReportChecks.Finding.errors(incomplete),
                    ReportChecks.Finding.errors(disagreements), Warning.of(incomplete, disagreements), Warning.of(notices));
        }
    }

    /** A finding as the clerk reads it: the form field it belongs to and a sentence in Chinese. */
    @Schema(requiredProperties = {"field", "text"})
    public record Warning(String field, String text) {

        @SafeVarargs
        static List<Warning> of(List<ReportChecks.Finding>... findings) {
            return java.util.Arrays.stream(findings).flatMap(List::stream).map(f -> new Warning(f.field(), f.text())).toList();
        }
    }
}
