package io.rectification.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The PDFs of the most recently asked-for published versions. A version never changes, so its PDF
 * need not be laid out again; and laying out costs CPU on an endpoint anyone may call.
 */
@ApplicationScoped
class PublishedPdfs {

    private static final int KEPT = 16;

    private final Map<UUID, byte[]> pdfs = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, byte[]> eldest) {
            return size() > KEPT;
        }
    });

    byte[] of(UUID versionId, Supplier<byte[]> layOut) {
        byte[] pdf = pdfs.get(versionId);
        if (pdf == null) {
            pdf = layOut.get();
            pdfs.put(versionId, pdf);
        }
        return pdf;
    }
}
