package io.rectification.reporting.report;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays the report's printable HTML out as a tagged, archival PDF (PDF/UA-1 and PDF/A-3a; openhtmltopdf
 * on Apache PDFBox). The CJK glyphs come from one TrueType collection on disk (Debian's
 * fonts-wqy-microhei by default): PDFBox embeds only glyf-outline fonts, so the CFF-based Noto CJK
 * fonts cannot serve. Without that file no PDF is made at all: a PDF of empty boxes would look like a
 * report and read as nothing.
 */
@ApplicationScoped
public class ReportPdf {

    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    /** The Debian package that ships the default font, named in the refusal so an operator knows what to install. */
    static final String FONT_PACKAGE = "fonts-wqy-microhei";
    private static final String FAMILY = "report-cjk";
    private static final String PNG_DATA_URI = "data:image/png;base64,";
    private static final String PDF_STYLESHEET = "report/pdf.css";
    /** The output intent PDF/A asks for: the JDK's sRGB profile, so nothing is read from disk for it. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final Path font;
    private final String stylesheet = read("META-INF/resources" + ReportPage.STYLESHEET);
    /** The PDF's own rules after the page's (bold headings: the one font has no faces to tell them by). */
    private final String pdfStylesheet = read(PDF_STYLESHEET);

    public ReportPdf(@ConfigProperty(name = "reporting.report.pdf-font", defaultValue = DEFAULT_FONT) String font) {
        this.font = Path.of(font);
    }

    public byte[] render(String html) {
        if (!Files.isReadable(font)) {
            throw new ApiException(503, "PDF font missing", "the PDF of the report needs the CJK font " + font
                    + " (Debian package " + FONT_PACKAGE + ", or set reporting.report.pdf-font to another TrueType font); "
                    + "the HTML and Markdown forms are available")
                    .with("font", font.toString());
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document page = withStylesheetInline(html);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                // Tagged (PDF/UA): headings, paragraphs, lists and tables marked as such, the language and
                // title declared, the QR code's text as its alternative. A screen reader then reads the
                // public report as it reads the page, and the text can be reflowed and copied in order.
                .usePdfUaAccessibility(true)
                // and archival (PDF/A-3a, the accessible level): every font embedded, colours in sRGB (the
                // JDK's own profile), the metadata that says so; a published report is a record kept for years
                .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A)
                .useColorProfile(SRGB)
                .withW3cDocument(W3CDom.convert(page), "about:blank")
                // The report is self-contained: nothing is fetched while laying it out; its one image, the
                // feedback form's QR code, is a PNG inside the page.
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(PNG_DATA_URI),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .toStream(pdf);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            // Tried for every character before PDFBox's built-in Latin fonts, so the whole text is set in it.
            renderer.getFontResolver().addFontCollection(font.toFile(), FAMILY, 400, IdentValue.NORMAL, true,
                    PdfBoxFontResolver.FontGroup.PRE_BUILT_IN_FALLBACK);
            renderer.layout();
            // kept open to describe its links before it is written (PDF/UA; LinkDescriptions)
            renderer.createPDFWithoutClosing();
            new LinkDescriptions(page).describe(renderer.getPdfDocument());
            renderer.getPdfDocument().save(pdf);
            renderer.finishPDF();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay the report out as PDF", e);
        }
        return pdf.toByteArray();
    }

    /**
     * The page's link to the report's stylesheet replaced by the stylesheet itself, read from this
     * service's classpath, and the PDF's own rules after it: nothing is fetched while laying out, and the
     * PDF is styled as the page is. A version stored before the stylesheet existed carries its style
     * inline and links nothing; the PDF's rules come after that style.
     */
    private Document withStylesheetInline(String html) {
        Document page = Jsoup.parse(html);
        for (Element link : page.select("link[rel=stylesheet][href=" + ReportPage.STYLESHEET + "]")) {
            link.replaceWith(new Element("style").appendChild(new DataNode(stylesheet)));
        }
        page.head().appendChild(new Element("style").appendChild(new DataNode(pdfStylesheet)));
        return page;
    }

    private static String read(String resource) {
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the report's stylesheet " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report's stylesheet " + resource, e);
        }
    }
}
