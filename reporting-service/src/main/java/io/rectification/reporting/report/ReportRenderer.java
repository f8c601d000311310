package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportText.Block;
import org.jsoup.nodes.Entities;

import java.util.List;

/** Formats the report's blocks as Markdown (the HTML page is {@link ReportPage}'s template). */
final class ReportRenderer {

    /** Heads a preview's warnings; a published version never has any. */
    static final String WARNINGS_HEADING = "预览提示（公布前须处理）：";

    private ReportRenderer() {
    }

    static String markdown(ReportDocument report) {
        return markdown(report, List.of());
    }

    /** With the warnings of a preview (what would stop it being published) right under the title. */
    static String markdown(ReportDocument report, List<ReportViews.Warning> warnings) {
        StringBuilder md = new StringBuilder();
        for (Block block : ReportText.of(report)) {
            String text = escapeMarkdown(block.text());
            switch (block.kind()) {
                case TITLE -> {
                    md.append("# ").append(text).append("\n\n");
                    if (!warnings.isEmpty()) {
                        md.append("> ").append(WARNINGS_HEADING).append("\n");
                        warnings.forEach(w -> md.append("> - ").append(escapeMarkdown(w.text())).append("\n"));
                        md.append("\n");
                    }
                }
                case SECTION -> md.append("## ").append(text).append("\n\n");
                case SUBSECTION -> md.append("### ").append(text).append("\n\n");
                case PARAGRAPH -> md.append(text).append("\n\n");
                // two trailing spaces: a line break, so the contact lines stay one per line
                case CONTACT -> md.append(text).append("  \n");
                case LINK -> md.append(text).append("<").append(block.target()).append(">  \n");
                // Markdown stays text: the QR code is the HTML page's and the PDF's, and so is the 目录
                case QR_CODE, CONTENTS, BACK -> { }
                case SIGNATURE -> md.append("\n").append("<p align=\"right\">").append(Entities.escape(block.text()))
                        .append("</p>\n");
            }
        }
        return md.toString();
    }

    /** Keeps staff text from being read as Markdown markup (headings, lists, links, HTML). */
    static String escapeMarkdown(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
