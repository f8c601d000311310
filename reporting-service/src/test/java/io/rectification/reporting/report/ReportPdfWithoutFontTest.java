package io.rectification.reporting.report;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without its CJK font the service makes no PDF of empty boxes: it refuses with 503 naming the font
 * and the package that ships it (the problem+json body every ApiException becomes). A plain test: a
 * Quarkus application of its own with the font configured away cost a build and a start in CI.
 */
@Tag("fast")
class ReportPdfWithoutFontTest {

    static final String MISSING = "/nonexistent/fonts/wqy-microhei.ttc";

    @Test
    void pdfIsRefusedNamingTheMissingFont() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> new ReportPdf(MISSING).render("<!doctype html><html><body><p>整改进展</p></body></html>"));

        ErrorBody body = refusal.toErrorBody("/reports/x/preview.pdf");
        assertEquals(503, body.status());
        assertEquals("PDF font missing", body.title());
        assertEquals(MISSING, body.extensionMembers().get("font"));
        assertTrue(body.detail().contains("fonts-wqy-microhei"), body.detail());
        assertTrue(body.detail().contains("the HTML and Markdown forms are available"), body.detail());
    }
}
