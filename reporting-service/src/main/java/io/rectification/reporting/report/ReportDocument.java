package io.rectification.reporting.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public rectification report (整改情况公布) as data, in the notice's structure; only members
 * meant for the public: no responsible persons, no reporters, nothing from the public.
 */
public record ReportDocument(String title, Preamble preamble, List<String> leadershipResponsibility,
                             Figures figures, List<Area> areas, List<String> nextSteps, Disclosure disclosure,
                             String issuer, LocalDate issuedOn) {

    public record Preamble(String team, String inspectedOrganisation, String inspectionKind, LocalDate onSiteFrom,
                           LocalDate onSiteTo, LocalDate feedbackDate) {
    }

    public record Figures(int areas, int problems, int tasks, int verifiedTasks) {
    }

    public record Area(int number, String title, List<ProblemItem> problems) {
    }

    public record ProblemItem(int number, String title, List<Measure> measures) {
    }

    /** One task as the report shows it: 一是 + its title, then what was done, then its figures. */
    public record Measure(int number, String title, String text, List<Figure> figures) {
    }

    public record Figure(String name, BigDecimal value, String unit) {
    }

    /** The disclosure window (公开期限) in the publication's zone, and the organisation's contact channels. */
    public record Disclosure(LocalDate from, LocalDate to, String phone, String phoneHours, String postalAddress,
                             String postalCode, String email) {
    }
}
