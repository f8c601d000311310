package io.rectification.reporting.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PDF/UA asks every link of a PDF for a description (the annotation's Contents), which openhtmltopdf
 * leaves out. Each link to an address gets the words it stands among in the page: its {@code title}, or
 * else the paragraph that holds it (在线提出意见建议：https://…), found by its address; a link whose
 * address the page does not hold (none today) is described by the address itself. A link within the
 * document (the 目录's, ReportContents) keeps no address in the PDF, only the place it leads to: it is
 * described by the words it shows, read from under it on its page (（三）优化配置资源要素不够有力).
 */
final class LinkDescriptions {

    /** A link within the document with no words under it (none the page makes). */
    static final String WITHIN = "跳转到本文件内的相应位置";

    /** How far left of a link's rectangle its first glyph is looked for, in points. */
    private static final float LEAD = 2;

    private final Map<String, String> byAddress = new HashMap<>();

    LinkDescriptions(Document page) {
        for (Element link : page.select("a[href]")) {
            String description = link.hasAttr("title") ? link.attr("title")
                    : link.parent() != null ? link.parent().text() : link.text();
            byAddress.putIfAbsent(link.attr("href"), description);
        }
    }

    /** Gives each link annotation of {@code pdf} without a description the one its address has in the page. */
    void describe(PDDocument pdf) throws IOException {
        for (PDPage page : pdf.getPages()) {
            List<PDAnnotationLink> within = new ArrayList<>();
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getContents() == null) {
                    if (link.getAction() instanceof PDActionURI uri && uri.getURI() != null) {
                        link.setContents(byAddress.getOrDefault(uri.getURI(), uri.getURI()));
                    } else if (link.getAction() instanceof PDActionGoTo || link.getDestination() != null) {
                        within.add(link);
                    }
                }
            }
            if (!within.isEmpty()) {
                describeByTheirWords(page, within);
            }
        }
    }

    /** Each link by the text inside its rectangle (PDF space, from the foot; the stripper's from the top). */
    private static void describeByTheirWords(PDPage page, List<PDAnnotationLink> links) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        float height = page.getMediaBox().getHeight();
        for (int i = 0; i < links.size(); i++) {
            PDRectangle r = links.get(i).getRectangle();
            // a glyph counts where its box starts, and the first one's may start a hair left of the link's
            stripper.addRegion(String.valueOf(i), new Rectangle2D.Float(r.getLowerLeftX() - LEAD,
                    height - r.getUpperRightY(), r.getWidth() + LEAD, r.getHeight()));
        }
        stripper.extractRegions(page);
        for (int i = 0; i < links.size(); i++) {
            String words = stripper.getTextForRegion(String.valueOf(i)).strip().replaceAll("\\s*\\R\\s*", "");
            links.get(i).setContents(words.isEmpty() ? WITHIN : words);
        }
    }
}
