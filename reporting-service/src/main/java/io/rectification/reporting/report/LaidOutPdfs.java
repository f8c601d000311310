package io.rectification.reporting.report;

import io.rectification.platform.rest.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PDFs already laid out, by the HTML they were laid out from: the same HTML gives the same PDF, and laying
 * one out costs CPU (some 8 s for a 2,000-task report's 460 pages) on endpoints the office refreshes and
 * anyone may call. So a published version's PDF (its stored HTML never changes) and a preview whose draft
 * and figures have not moved since are laid out once. Bounded by their bytes, least recently asked-for
 * first out, since a large report's PDF is megabytes and the service's heap is small.
 */
@ApplicationScoped
class LaidOutPdfs {

    /** What the PDFs kept may weigh together; a larger one alone is laid out each time, not kept. */
    static final long KEPT_BYTES = 12L * 1024 * 1024;

    private final Map<String, byte[]> pdfs = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;

    byte[] of(String html, Supplier<byte[]> layOut) {
        String key = EntityTags.digest(html.getBytes(StandardCharsets.UTF_8));
        synchronized (pdfs) {
            byte[] pdf = pdfs.get(key);
            if (pdf != null) {
                return pdf;
            }
        }
        byte[] pdf = layOut.get(); // outside the lock: two requests of one new HTML may both lay it out, once each
        keep(key, pdf);
        return pdf;
    }

    private void keep(String key, byte[] pdf) {
        if (pdf.length > KEPT_BYTES) {
            return;
        }
        synchronized (pdfs) {
            byte[] replaced = pdfs.put(key, pdf);
            keptBytes += pdf.length - (replaced == null ? 0 : replaced.length);
            for (Iterator<byte[]> eldest = pdfs.values().iterator(); keptBytes > KEPT_BYTES && eldest.hasNext(); ) {
                keptBytes -= eldest.next().length;
                eldest.remove();
            }
        }
    }
}
