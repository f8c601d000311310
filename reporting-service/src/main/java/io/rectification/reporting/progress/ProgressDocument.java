package io.rectification.reporting.progress;

import io.rectification.reporting.report.DeclaredTotals;
import io.rectification.reporting.report.Figure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The public progress page of one inspection (整改进展), as data: the inspection's findings by area,
 * problem and measure with status and progress. Only what the published report already shows, plus
 * each measure's kind, state, percent, deadline (完成时限) and close-out day: never lead officials,
 * responsible persons or units, reporters, evidence or anything from the public.
 */
public record ProgressDocument(String title, String team, String inspectedOrganisation, Window window,
                               Figures figures, DeclaredTotals declared, List<Area> areas,
                               List<OtherSource> otherSources, Integer latestReportVersion) {

    /**
     * Problems of the inspection from another source (举一反三, 自查, “回头看”, 群众反映): how many of each,
     * in the report's order. Never listed here and never counted in the figures or averages; the page
     * says they exist and are not counted.
     */
    public record OtherSource(String source, int problems) {
    }

    /** The disclosure window (公开期限) the page is shown under, in the publication's zone. */
    public record Window(UUID publicationId, LocalDate from, LocalDate to, boolean open) {
    }

    /** The inspection's findings in the ledger: measures by where they stand. */
    public record Figures(int areas, int problems, int tasks, int verified, int claimed, int inProgress,
                          int notStarted, int overdue, int percentComplete) {
    }

    /**
     * {@code number}, here and in a problem and a measure: the number the page prints, its place among
     * those shown as the report numbers them ({@link io.rectification.platform.text.PublicNumbering}), not
     * its number in the ledger. {@code problems} empty: an area the report heads with no finding in it yet,
     * shown so the two number their areas alike.
     */
    public record Area(int number, String title, int tasks, int verified, int percentComplete,
                       List<Problem> problems) {
    }

    public record Problem(int number, String title, int percentComplete, List<Measure> measures) {
    }

    /**
     * One task as the public sees it: 一是 + title, its kind and state, percent, deadline, the day it
     * was closed out, whether a look-back review reopened it, and its indicators with a value.
     */
    public record Measure(int number, String title, String kind, String state, int percentComplete,
                          LocalDate deadline, LocalDate verifiedOn, boolean overdue, boolean reopened,
                          List<Figure> figures) {
    }
}
