package io.rectification.reporting.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 目录 in the PDF, which is laid out from the page's HTML (ReportContents): its links lead to the
 * areas' pages, each described by its words as PDF/UA asks, veraPDF finds no rule broken, and the
 * page's 返回目录 is not printed. The page here is shaped as templates/ReportPage/report.html writes it.
 * Needs the CJK font (Debian's fonts-wqy-microhei, as CI has).
 */
@Tag("fast")
class ReportContentsPdfTest {

    private static final String FILLER = String.join("\n", Collections.nCopies(30,
            "<p>党工委坚决扛起巡视整改主体责任，第一时间成立整改工作领导小组，全面加强对整改工作的组织领导。</p>"));

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"><title>整改进展情况的通报</title>
            <link rel="stylesheet" href="/reports/report.css"></head>
            <body><article>
            <h1>整改进展情况的通报</h1>
            <p>2024年4月7日至6月20日，省委第七巡视组对沈阳高新区进行了专项巡视。</p>
            <nav class="contents" id="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">目录</h2>
            <ol>
            <li><a href="#area-a">（一）政治监督方面 <span class="findings">2项问题</span></a></li>
            <li><a href="#area-b">（二）作风建设方面 <span class="findings">1项问题</span></a></li>
            </ol>
            </nav>
            <h2>一、领导班子履行主体责任情况</h2>
            %1$s
            <h2>二、巡视整改落实情况</h2>
            <h3 id="area-a">（一）政治监督方面</h3>
            <p id="finding-1">1.营商环境问题。一是强化服务意识。</p>
            %1$s
            <p class="back"><a href="#contents">返回目录</a></p>
            <h3 id="area-b">（二）作风建设方面</h3>
            <p id="finding-2">1.文山会海问题。一是精简会议文件。</p>
            <p class="back"><a href="#contents">返回目录</a></p>
            <h2>三、下一步工作打算</h2>
            <p>持续巩固整改成果。</p>
            </article></body></html>""".formatted(FILLER);

    @Test
    void theContentsLeadToTheAreasPagesDescribedByTheirWordsAndTheWayBackIsNotPrinted() throws Exception {
        byte[] pdf = new ReportPdf(ReportPdf.DEFAULT_FONT).render(PAGE);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3, "the areas on later pages than the 目录");
            List<String> described = new ArrayList<>();
            List<Integer> leadTo = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo goTo) {
                        described.add(link.getContents());
                        leadTo.add(document.getPages().indexOf(((PDPageDestination) goTo.getDestination()).getPage()));
                    }
                }
            }
            // the 目录's two entries, each a link and its page number (a link of its own, to the same place),
            // and none back to it (返回目录 is the screen's)
            assertEquals(List.of(0, 0, 1, 1).stream().map(i -> leadTo.get(2 * i)).toList(), leadTo);
            assertEquals(List.of("（一）政治监督方面 2项问题", "（第" + (leadTo.get(0) + 1) + "页）",
                    "（二）作风建设方面 1项问题", "（第" + (leadTo.get(2) + 1) + "页）"), described);
            PDFTextStripper text = new PDFTextStripper();
            for (String heading : List.of("（一）政治监督方面", "（二）作风建设方面")) {
                int page = leadTo.get(heading.startsWith("（一）") ? 0 : 2);
                text.setStartPage(page + 1);
                text.setEndPage(page + 1);
                String onPage = text.getText(document);
                assertTrue(onPage.contains(heading + "\n") || onPage.contains(heading + "\r"),
                        heading + " heads page " + (page + 1) + ":\n" + onPage);
            }
            assertTrue(leadTo.get(0) > 0 && leadTo.get(2) > leadTo.get(0), leadTo.toString());
            text.setStartPage(1);
            text.setEndPage(document.getNumberOfPages());
            assertFalse(text.getText(document).contains("返回目录"));
        }
        assertEquals(List.of(), PdfUa.failures(pdf));
    }
}
