package io.rectification.reporting.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class ReportViews {

    private ReportViews() {
    }

    public record Draft(UUID inspectionId, String leadershipResponsibility, String nextSteps, String issuer,
                        LocalDate issuedOn, String updatedBy, OffsetDateTime updatedAt) {

        static Draft of(ReportDraft draft) {
            return new Draft(draft.inspectionId, draft.leadershipResponsibility, draft.nextSteps, draft.issuer,
                    draft.issuedOn, draft.updatedBy, draft.updatedAt);
        }
    }

    /** A published version; its text is at {@code html} and {@code markdown}, laid out as {@code pdf}. */
    public record Version(UUID inspectionId, int number, OffsetDateTime publishedAt, String publishedBy, String html,
                          String markdown, String pdf) {

        static Version of(ReportVersion version) {
            String base = "/reports/" + version.inspectionId + "/versions/" + version.number;
            return new Version(version.inspectionId, version.number, version.publishedAt, version.publishedBy,
                    base + ".html", base + ".md",
                    base + ".pdf");
        }
    }
}
