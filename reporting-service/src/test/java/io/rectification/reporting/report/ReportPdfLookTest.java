package io.rectification.reporting.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF reads as the printed page does, though it is set in one font (ReportPdf): the headings stand
 * out from the text (bold, as the page's 黑体 and 楷体 headings do on paper), and the signature's two
 * lines (发文机关署名, 成文日期) are never parted by a page break. Needs the CJK font, as
 * {@link ReportPdfStructureTest}.
 */
@Tag("fast")
class ReportPdfLookTest {

    private static String page(String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="UTF-8"><title>整改进展情况的通报</title>
                <link rel="stylesheet" href="/reports/report.css"></head>
                <body><article>
                <h1>整改进展情况的通报</h1>
                """ + body + "</article></body></html>";
    }

    @Test
    void headingsAreBoldAndTheTextIsNot() throws IOException {
        byte[] pdf = new ReportPdf(ReportPdf.DEFAULT_FONT).render(page("""
                <h2>一、领导班子履行主体责任情况</h2>
                <h3>（一）主要负责同志高度重视</h3>
                <p>召开专题会议研究整改工作。</p>
                """));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BoldText bold = new BoldText();
            String text = bold.getText(document);
            assertTrue(text.contains("（一）主要负责同志高度重视"), "the brackets are text without spaces: " + text);
            assertTrue(bold.bold.toString().contains("一、领导班子履行主体责任情况"), bold.bold.toString());
            assertTrue(bold.bold.toString().contains("（一）主要负责同志高度重视"), bold.bold.toString());
            assertTrue(!bold.bold.toString().contains("召开专题会议"), "the body text is not bold: " + bold.bold);
        }
    }

    @Test
    void theSignaturesTwoLinesStayOnOnePage() throws IOException {
        ReportPdf renderer = new ReportPdf(ReportPdf.DEFAULT_FONT);
        boolean brokenBefore = false;
        // one more line of text at a time, until the page break has passed through the closing lines
        for (int lines = 14; lines <= 26; lines++) {
            String body = "<p>持续巩固整改成果，防止问题反弹回潮。</p>\n".repeat(lines)
                    + "<p class=\"signature\">中共沈阳高新技术产业开发区工作委员会</p>\n<p class=\"signature\">2026年12月5日</p>\n";
            try (PDDocument document = Loader.loadPDF(renderer.render(page(body)))) {
                int last = document.getNumberOfPages();
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(last);
                stripper.setEndPage(last);
                String lastPage = stripper.getText(document);
                assertEquals(lastPage.contains("2026年12月5日"), lastPage.contains("中共沈阳高新技术产业开发区工作委员会"),
                        lines + " lines: the date and the signature on one page:\n" + lastPage);
                brokenBefore |= last > 1 && !lastPage.contains("持续巩固");
            }
        }
        assertTrue(brokenBefore, "some layout put the page break right before the signature");
    }

    /** The text, and apart the characters drawn filled and stroked: openhtmltopdf's bold for a font that has none. */
    static final class BoldText extends PDFTextStripper {
        final StringBuilder bold = new StringBuilder();

        @Override
        protected void processTextPosition(TextPosition text) {
            if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.FILL_STROKE) {
                bold.append(text.getUnicode());
            }
            super.processTextPosition(text);
        }
    }
}
