package io.rectification.reporting.report;

import io.rectification.platform.problem.Problem;
import io.rectification.reporting.report.ReportText.Block;

import java.util.List;

/** Formats the report's blocks as printable Chinese HTML (no script) or as Markdown. */
final class ReportRenderer {

    /** Heads a preview's warnings; a published version never has any. */
    static final String WARNINGS_HEADING = "预览提示(发布前须解决):";

    private ReportRenderer() {
    }

    static String markdown(ReportDocument report) {
        return markdown(report, List.of());
    }

    /** With the warnings of a preview (what would stop it being published) right under the title. */
    static String markdown(ReportDocument report, List<Problem.FieldError> warnings) {
        StringBuilder md = new StringBuilder();
        for (Block block : ReportText.of(report)) {
            String text = escapeMarkdown(block.text());
            switch (block.kind()) {
                case TITLE -> {
                    md.append("# ").append(text).append("\n\n");
                    if (!warnings.isEmpty()) {
                        md.append("> ").append(WARNINGS_HEADING).append("\n");
                        warnings.forEach(w -> md.append("> - ").append(escapeMarkdown(w.field() + ": " + w.message())).append("\n"));
                        md.append("\n");
                    }
                }
                case SECTION -> md.append("## ").append(text).append("\n\n");
                case SUBSECTION -> md.append("### ").append(text).append("\n\n");
                case PARAGRAPH -> md.append(text).append("\n\n");
                // two trailing spaces: a line break, so the contact lines stay one per line
                case CONTACT -> md.append(text).append("  \n");
                case SIGNATURE -> md.append("\n").append("<p align=\"right\">").append(escapeHtml(block.text()))
                        .append("</p>\n");
            }
        }
        return md.toString();
    }

    static String html(ReportDocument report) {
        return html(report, List.of());
    }

    /** With the warnings of a preview (what would stop it being published) right under the title. */
    static String html(ReportDocument report, List<Problem.FieldError> warnings) {
        List<Block> blocks = ReportText.of(report);
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        html.append("<title>").append(escapeHtml(blocks.get(0).text())).append("</title>\n");
        html.append("""
                <style>
                body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; line-height: 1.8;
                       max-width: 48em; margin: 2em auto; padding: 0 1em; color: #000; }
                h1 { font-size: 1.6em; text-align: center; }
                h2 { font-size: 1.2em; font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
                h3 { font-size: 1.05em; font-family: "KaiTi", "Noto Serif CJK SC", serif; }
                p { text-indent: 2em; margin: 0.4em 0; }
                p.contact { text-indent: 0; margin: 0; }
                p.signature { text-align: right; text-indent: 0; }
                aside.warnings { border: 2px solid #b00; padding: 0.5em 1em; color: #b00; }
                aside.warnings p { text-indent: 0; }
                @media print { body { margin: 0; max-width: none; } @page { size: A4; margin: 2.5cm 2cm; } }
                </style>
                </head>
                <body>
                <article>
                """);
        for (Block block : blocks) {
            String text = escapeHtml(block.text());
            switch (block.kind()) {
                case TITLE -> {
                    html.append("<h1>").append(text).append("</h1>\n");
                    if (!warnings.isEmpty()) {
                        html.append("<aside class=\"warnings\" role=\"alert\">\n<p>").append(WARNINGS_HEADING).append("</p>\n<ul>\n");
                        warnings.forEach(w -> html.append("<li data-field=\"").append(escapeHtml(w.field())).append("\">")
                                .append(escapeHtml(w.field() + ": " + w.message())).append("</li>\n"));
                        html.append("</ul>\n</aside>\n");
                    }
                }
                case SECTION -> html.append("<h2>").append(text).append("</h2>\n");
                case SUBSECTION -> html.append("<h3>").append(text).append("</h3>\n");
                case PARAGRAPH -> html.append("<p>").append(text).append("</p>\n");
                case CONTACT -> html.append("<p class=\"contact\">").append(text).append("</p>\n");
                case SIGNATURE -> html.append("<p class=\"signature\">").append(text).append("</p>\n");
            }
        }
        return html.append("</article>\n</body>\n</html>\n").toString();
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
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
