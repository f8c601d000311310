package io.rectification.reporting.report;

import io.quarkus.qute.TemplateInstance;
import io.rectification.reporting.report.ReportText.Block;

import java.util.List;

/**
 * The report's blocks as a printable Chinese HTML page (no script), through the Qute template
 * templates/ReportPage/report.html, which escapes every text, with its 目录 ({@link ReportContents}). The page is styled only by
 * /reports/report.css: the service's CSP (style-src 'self') blocks inline style.
 */
final class ReportPage {

    /** The stylesheet the page links; under /reports/ so the gateway routes it with the report. */
    static final String STYLESHEET = "/reports/report.css";

    /** A search result's or a shared link's summary of the page: at most this many characters. */
    static final int DESCRIPTION_LENGTH = 160;

    /**
     * The template's data: the title, the page's summary (its meta description), the blocks after
     * the title (the 目录 placed among them), the 目录's sections with their areas and the warnings shown right
     * under the title.
     */
    record report(String title, String description, List<Block> body, List<ReportContents.Section> contents,
                  List<ReportViews.Warning> warnings, String warningsHeading, String stylesheet)
            implements TemplateInstance {
    }

    private ReportPage() {
    }

    static String html(ReportDocument report) {
        return html(report, List.of());
    }

    /** With the warnings of a preview (what would stop it being published) right under the title. */
    static String html(ReportDocument report, List<ReportViews.Warning> warnings) {
        List<Block> blocks = ReportText.of(report);
        List<ReportContents.Entry> areas = ReportContents.of(report);
        List<Block> body = ReportContents.placed(blocks.subList(1, blocks.size()), areas);
        return new report(blocks.get(0).text(), description(blocks), body, ReportContents.sections(body, areas), warnings,
                ReportRenderer.WARNINGS_HEADING, STYLESHEET).render();
    }

    /** The report's opening paragraph (who inspected whom, when, and that this is the rectification's publication). */
    static String description(List<Block> blocks) {
        String opening = blocks.stream().filter(block -> block.kind() == ReportText.Kind.PARAGRAPH)
                .map(Block::text).findFirst().orElse(blocks.get(0).text());
        return opening.codePointCount(0, opening.length()) <= DESCRIPTION_LENGTH ? opening
                : opening.substring(0, opening.offsetByCodePoints(0, DESCRIPTION_LENGTH - 1)) + "…";
    }
}
