package io.rectification.reporting.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's PDF is tagged (PDF/UA): it says it is, declares its language and title, and its
 * structure tree holds the page's headings, list, table and the QR code's alternative text, in the
 * page's order, so a screen reader reads it as it reads the page; veraPDF finds no PDF/UA-1 rule
 * broken. Needs the CJK font (Debian's fonts-wqy-microhei, as CI has); read back with PDFBox.
 */
@Tag("fast")
class ReportPdfStructureTest {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"><title>整改进展情况的通报</title></head>
            <body><article>
            <h1>整改进展情况的通报</h1>
            <h2>一、领导班子履行主体责任情况</h2>
            <p>召开专题会议研究整改工作。</p>
            <ul><li>已完成整改12项</li><li>正在推进8项</li></ul>
            <table><thead><tr><th>方面</th><th>已销号</th></tr></thead><tbody><tr><td>（一）</td><td>3</td></tr></tbody></table>
            <p class="contact link">在线提出意见建议：<a href="https://example.gov.cn/feedback/index.html?publication=0ba63909-0aa7-4e9e-9177-fa1ebfdd333c">https://example.gov.cn/feedback/index.html?publication=0ba63909-0aa7-4e9e-9177-fa1ebfdd333c</a></p>
            <figure class="qr"><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" alt="扫码提出意见建议" width="120" height="120"><figcaption>扫码提出意见建议</figcaption></figure>
            </article></body></html>""";

    @Test
    void theReportPdfIsTaggedWithItsLanguageTitleAndStructure() throws IOException {
        byte[] pdf = new ReportPdf(ReportPdf.DEFAULT_FONT).render(PAGE);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            assertNotNull(catalog.getMarkInfo(), "MarkInfo");
            assertTrue(catalog.getMarkInfo().isMarked(), "the PDF says it is tagged");
            assertEquals("zh-CN", catalog.getLanguage());
            assertEquals("整改进展情况的通报", document.getDocumentInformation().getTitle());
            assertTrue(catalog.getViewerPreferences().displayDocTitle(), "a reader shows the title, not the file name");

            List<String> types = new ArrayList<>();
            List<String> alternatives = new ArrayList<>();
            walk(catalog.getStructureTreeRoot(), types, alternatives);
            for (String type : List.of("H1", "H2", "P", "L", "LI", "Table", "TH", "TD", "Figure")) {
                assertTrue(types.contains(type), type + " among " + types);
            }
            assertTrue(types.indexOf("H1") < types.indexOf("H2") && types.indexOf("H2") < types.indexOf("Table"),
                    "in the page's order: " + types);
            assertTrue(alternatives.contains("扫码提出意见建议"), "the QR code's alternative text: " + alternatives);
        }
    }

    @Test
    void theReportPdfMeetsPdfUa() throws Exception {
        assertEquals(List.of(), PdfUa.failures(new ReportPdf(ReportPdf.DEFAULT_FONT).render(PAGE)));
    }

    @Test
    void theReportPdfMeetsPdfA3a() throws Exception {
        assertEquals(List.of(), PdfUa.failures(new ReportPdf(ReportPdf.DEFAULT_FONT).render(PAGE),
                org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_A));
    }

    @Test
    void eachLinkIsDescribedByTheWordsAroundIt() throws IOException {
        try (PDDocument document = Loader.loadPDF(new ReportPdf(ReportPdf.DEFAULT_FONT).render(PAGE))) {
            List<String> descriptions = new ArrayList<>();
            for (var page : document.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink) {
                        descriptions.add(annotation.getContents());
                    }
                }
            }
            assertTrue(!descriptions.isEmpty(), "the address is a link");
            descriptions.forEach(description -> assertTrue(description.startsWith("在线提出意见建议：https://example.gov.cn/feedback/"),
                    description));
        }
    }

    private static void walk(PDStructureNode node, List<String> types, List<String> alternatives) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                if (element.getAlternateDescription() != null) {
                    alternatives.add(element.getAlternateDescription());
                }
                walk(element, types, alternatives);
            }
        }
    }
}
