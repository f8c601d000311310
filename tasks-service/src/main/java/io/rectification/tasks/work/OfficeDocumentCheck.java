package io.rectification.tasks.work;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.table.XlsxWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Whether a file declared as a ZIP-based document (DOCX, XLSX, OFD) is one. Its first bytes only
 * say it begins like a ZIP: a ZIP holding nothing but an .exe, eleven bytes "PK\3\4garbage" and a
 * zip bomb all began so and were stored as DOCX. Here the ZIP's central directory (what Word, Excel
 * and a viewer read) must read to its end; it must hold the parts that make the document (for OOXML
 * {@code [Content_Types].xml} and the {@code word/} or {@code xl/} folder, for OFD {@code OFD.xml});
 * it may have at most {@link #MAX_ENTRIES} entries and expand to at most {@link #MAX_EXPANDED_BYTES},
 * as its directory says and as the bytes really inflate: each entry is inflated (and its CRC checked),
 * stopping as soon as it gives more than its directory said, so a bomb is never expanded to the end.
 * A file that will later be previewed, converted or scanned must not be able to blow up doing so.
 */
final class OfficeDocumentCheck {

    /** Entries of a real document number dozens to a few hundred (images); a bound far above that. */
    static final int MAX_ENTRIES = 10_000;
    /** Expanded size of all entries; a 10 MiB document with text and images expands to a few times that. */
    static final long MAX_EXPANDED_BYTES = 100L * 1024 * 1024;

    /** What a document of a type is called in a refusal, and what it must hold. */
    record Layout(String what, String requiredEntry, String requiredFolder) {
    }

    static final Map<String, Layout> LAYOUTS = Map.of(
            EvidenceContent.DOCX, new Layout("a Word document (DOCX)", "[Content_Types].xml", "word/"),
            XlsxWriter.MEDIA_TYPE, new Layout("an Excel workbook (XLSX)", "[Content_Types].xml", "xl/"),
            // GB/T 33190: the package's entry file is OFD.xml at its root
            EvidenceContent.OFD, new Layout("an OFD document", "OFD.xml", null));

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;

    private OfficeDocumentCheck() {
    }

    /** A 400 naming the file and why, when {@code content} is not a document of {@code type}; types not ZIP-based pass. */
    static void check(String type, String filename, byte[] content) {
        Layout layout = LAYOUTS.get(type);
        if (layout == null) {
            return;
        }
        try {
            List<Entry> entries = centralDirectory(content);
            requireParts(layout, entries);
            inflateAll(content, entries);
        } catch (NotADocument e) {
            throw ApiException.badRequest(ErrorBody.FieldError.BODY,
                    filename + " is not " + layout.what() + ": " + e.getMessage());
        }
    }

    /** One entry as the central directory lists it. */
    private record Entry(String name, int method, long compressedSize, long size, long crc, long localOffset) {
    }

    private static List<Entry> centralDirectory(byte[] zip) {
        int end = endOfCentralDirectory(zip);
        if (u16(zip, end + 4) != 0 || u16(zip, end + 6) != 0 || u16(zip, end + 8) != u16(zip, end + 10)) {
            throw new NotADocument("it is a ZIP split over several files");
        }
        int count = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        if (count == 0xFFFF || directorySize == ZIP64_MARK || directoryOffset == ZIP64_MARK) {
            throw new NotADocument("it is a ZIP64 archive, which a document of this size never needs");
        }
        if (count > MAX_ENTRIES) {
            throw new NotADocument("it has " + count + " entries; at most " + MAX_ENTRIES + " are accepted");
        }
        if (directoryOffset + directorySize > end) {
            throw new NotADocument("its ZIP directory points past the end of the file, which is cut short or damaged");
        }
        List<Entry> entries = new ArrayList<>(count);
        long declared = 0;
        int at = (int) directoryOffset;
        int directoryEnd = (int) (directoryOffset + directorySize);
        for (int i = 0; i < count; i++) {
            if (at + CENTRAL_SIZE > directoryEnd || u32(zip, at) != CENTRAL_SIGNATURE) {
                throw new NotADocument("its ZIP directory is damaged at entry " + (i + 1) + " of " + count);
            }
            int flags = u16(zip, at + 8);
            int nameLength = u16(zip, at + 28);
            int next = at + CENTRAL_SIZE + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            if (next > directoryEnd) {
                throw new NotADocument("its ZIP directory is damaged at entry " + (i + 1) + " of " + count);
            }
            Entry entry = new Entry(new String(zip, at + CENTRAL_SIZE, nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1),
                    u16(zip, at + 10), u32(zip, at + 20), u32(zip, at + 24), u32(zip, at + 16), u32(zip, at + 42));
            if ((flags & 1) != 0) {
                throw new NotADocument("entry " + entry.name() + " is encrypted");
            }
            if (entry.size() == ZIP64_MARK || entry.compressedSize() == ZIP64_MARK || entry.localOffset() == ZIP64_MARK) {
                throw new NotADocument("it is a ZIP64 archive, which a document of this size never needs");
            }
            declared += entry.size();
            if (declared > MAX_EXPANDED_BYTES) {
                throw new NotADocument(tooLarge());
            }
            entries.add(entry);
            at = next;
        }
        return entries;
    }

    /**
     * The end record, searched back from the end over at most a maximal comment, which must reach
     * exactly to the end: a file cut short has none.
     */
    private static int endOfCentralDirectory(byte[] zip) {
        for (int at = zip.length - END_SIZE; at >= 0 && at >= zip.length - END_SIZE - 0xFFFF; at--) {
            if (u32(zip, at) == END_SIGNATURE && at + END_SIZE + u16(zip, at + 20) == zip.length) {
                return at;
            }
        }
        throw new NotADocument("it has no ZIP directory at its end: the file is cut short or is not a ZIP");
    }

    private static void requireParts(Layout layout, List<Entry> entries) {
        if (entries.stream().noneMatch(e -> e.name().equals(layout.requiredEntry()))) {
            throw new NotADocument("it holds no " + layout.requiredEntry());
        }
        if (layout.requiredFolder() != null
                && entries.stream().noneMatch(e -> e.name().startsWith(layout.requiredFolder()))) {
            throw new NotADocument("it holds nothing under " + layout.requiredFolder());
        }
    }

    /**
     * Inflates every entry from its local header on, as a reader would, checking its size and CRC.
     * An entry is stopped as soon as it gives more than its directory declared, so no more than the
     * declared total (at most {@link #MAX_EXPANDED_BYTES}) is ever inflated, whatever the headers claim.
     */
    private static void inflateAll(byte[] zip, List<Entry> entries) {
        byte[] out = new byte[64 * 1024];
        Inflater inflater = new Inflater(true);
        try {
            for (Entry entry : entries) {
                if (entry.localOffset() + LOCAL_SIZE > zip.length || u32(zip, (int) entry.localOffset()) != LOCAL_SIGNATURE) {
                    throw new NotADocument("entry " + entry.name() + " is not where its ZIP directory says");
                }
                int local = (int) entry.localOffset();
                long dataStart = (long) local + LOCAL_SIZE + u16(zip, local + 26) + u16(zip, local + 28);
                if (dataStart + entry.compressedSize() > zip.length) {
                    throw new NotADocument("entry " + entry.name() + " is cut short");
                }
                CRC32 crc = new CRC32();
                long size;
                if (entry.method() == 0) {
                    size = entry.compressedSize();
                    crc.update(zip, (int) dataStart, (int) size);
                } else if (entry.method() == 8) {
                    size = inflate(inflater, zip, (int) dataStart, (int) entry.compressedSize(), out, crc, entry);
                } else {
                    throw new NotADocument("entry " + entry.name() + " is compressed by method " + entry.method()
                            + ", which documents do not use");
                }
                if (size != entry.size()) {
                    throw new NotADocument("entry " + entry.name() + " expands to " + size + " bytes, not the "
                            + entry.size() + " its ZIP directory says");
                }
                if (crc.getValue() != entry.crc()) {
                    throw new NotADocument("entry " + entry.name() + " is damaged (its checksum does not match)");
                }
            }
        } finally {
            inflater.end();
        }
    }

    /** The size a deflated entry expands to, stopping past its declared size; its bytes go into {@code crc}. */
    private static long inflate(Inflater inflater, byte[] zip, int start, int length, byte[] out, CRC32 crc, Entry entry) {
        inflater.reset();
        inflater.setInput(zip, start, length);
        // Raw deflate may want one byte past the data to finish (as java.util.zip.ZipFile gives it).
        boolean padded = false;
        long size = 0;
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0) {
                    if (inflater.needsInput() && !padded) {
                        inflater.setInput(new byte[1]);
                        padded = true;
                        continue;
                    }
                    throw new NotADocument("entry " + entry.name() + " is cut short");
                }
                size += n;
                if (size > entry.size()) {
                    throw new NotADocument("entry " + entry.name() + " expands to more than the " + entry.size()
                            + " bytes its ZIP directory says");
                }
                crc.update(out, 0, n);
            }
        } catch (DataFormatException e) {
            throw new NotADocument("entry " + entry.name() + " is damaged (" + e.getMessage() + ")");
        }
        return size;
    }

    private static String tooLarge() {
        return "expanded it would be more than " + MAX_EXPANDED_BYTES / (1024 * 1024) + " MiB, at most that is accepted";
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    /** Why the file is not the document it was declared to be. */
    private static final class NotADocument extends RuntimeException {
        NotADocument(String reason) {
            super(reason, null, false, false);
        }
    }
}
