package io.rectification.reporting.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * PDF/UA asks every link of a PDF for a description (the annotation's Contents), which openhtmltopdf
 * leaves out. Each link gets the words it stands among in the page: its {@code title}, or else the
 * paragraph that holds it (在线提出意见建议：https://…), found by its address; a link whose address the
 * page does not hold (none today) is described by the address itself.
 */
final class LinkDescriptions {

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
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getContents() == null
                        && link.getAction() instanceof PDActionURI uri && uri.getURI() != null) {
                    link.setContents(byAddress.getOrDefault(uri.getURI(), uri.getURI()));
                }
            }
        }
    }
}
