package io.rectification.tasks.work;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.table.XlsxWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZIP-based evidence files made in memory: real documents pass, what only begins like one does not. */
@Tag("fast")
class OfficeDocumentCheckTest {

    /** The parts of a minimal Word document, as Word writes them. */
    static byte[] docx() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml"
                 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>"""));
        parts.put("_rels/.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Target="word/document.xml"
                 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                </Relationships>"""));
        parts.put("word/document.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body><w:p><w:r><w:t>整改工作台账</w:t></w:r></w:p></w:body></w:document>"""));
        return zip(parts);
    }

    @Test
    void aRealDocumentWorkbookAndOfdPass() {
        assertDoesNotThrow(() -> OfficeDocumentCheck.check(EvidenceContent.DOCX, "台账.docx", docx()));
        assertDoesNotThrow(() -> OfficeDocumentCheck.check(XlsxWriter.MEDIA_TYPE, "台账.xlsx", zip(Map.of(
                "[Content_Types].xml", utf8("<Types/>"), "xl/workbook.xml", utf8("<workbook/>")))));
        assertDoesNotThrow(() -> OfficeDocumentCheck.check(EvidenceContent.OFD, "公文.ofd", zip(Map.of(
                "OFD.xml", utf8("<ofd:OFD/>"), "Doc_0/Document.xml", utf8("<ofd:Document/>")))));
        // entries stored, not deflated, are read as well
        assertDoesNotThrow(() -> OfficeDocumentCheck.check(EvidenceContent.DOCX, "台账.docx", stored(Map.of(
                "[Content_Types].xml", utf8("<Types/>"), "word/document.xml", utf8("<w:document/>")))));
    }

    @Test
    void typesThatAreNoZipAreNotLookedAt() {
        assertDoesNotThrow(() -> OfficeDocumentCheck.check("application/pdf", "x.pdf", utf8("%PDF-1.7")));
    }

    @Test
    void aZipHoldingOnlyAProgramIsNoDocument() {
        byte[] exe = zip(Map.of("evil.exe", concat(new byte[]{'M', 'Z', (byte) 0x90, 0}, new byte[4096])));

        assertRefused("report.docx is not a Word document (DOCX): it holds no [Content_Types].xml",
                EvidenceContent.DOCX, "report.docx", exe);
    }

    @Test
    void aWorkbookIsNoWordDocumentNorTheOtherWayRound() {
        byte[] workbook = zip(Map.of("[Content_Types].xml", utf8("<Types/>"), "xl/workbook.xml", utf8("<workbook/>")));

        assertRefused("a.docx is not a Word document (DOCX): it holds nothing under word/", EvidenceContent.DOCX, "a.docx", workbook);
        assertRefused("a.xlsx is not an Excel workbook (XLSX): it holds nothing under xl/", XlsxWriter.MEDIA_TYPE, "a.xlsx", docx());
        assertRefused("a.ofd is not an OFD document: it holds no OFD.xml", EvidenceContent.OFD, "a.ofd", docx());
    }

    @Test
    void aFileThatOnlyBeginsLikeAZipIsRefused() {
        assertRefused("x.docx is not a Word document (DOCX): it has no ZIP directory at its end: the file is cut short or is not a ZIP",
                EvidenceContent.DOCX, "x.docx", utf8("PK\u0003\u0004garbage"));
    }

    @Test
    void aDocumentCutShortIsRefused() {
        byte[] whole = docx();

        assertRefused("x.docx is not a Word document (DOCX): it has no ZIP directory at its end: the file is cut short or is not a ZIP",
                EvidenceContent.DOCX, "x.docx", Arrays.copyOf(whole, whole.length - 10));
        // the directory kept, the data before it garbled: the entry's checksum or deflate stream tells
        byte[] garbled = whole.clone();
        int data = dataOf(garbled, "word/document.xml");
        Arrays.fill(garbled, data + 5, data + 25, (byte) 0x55);
        String message = fieldError(EvidenceContent.DOCX, "x.docx", garbled).message();
        assertTrue(message.startsWith("x.docx is not a Word document (DOCX): entry word/document.xml "), message);
    }

    @Test
    void aZipBombIsRefusedByItsDirectoryBeforeAnythingIsInflated() {
        byte[] bomb = zeros(Map.of("[Content_Types].xml", 100, "word/document.xml", 101 * 1024 * 1024));

        assertTrue(bomb.length < 1024 * 1024, "a bomb is small: " + bomb.length);
        assertRefused("bomb.docx is not a Word document (DOCX): expanded it would be more than 100 MiB, at most that is accepted",
                EvidenceContent.DOCX, "bomb.docx", bomb);
    }

    /** A bomb whose directory claims a small size: inflating stops as soon as the entry gives more than it said. */
    @Test
    void aZipBombThatUnderstatesItsSizeIsStoppedWhileInflating() {
        byte[] bomb = zeros(Map.of("[Content_Types].xml", 100, "word/document.xml", 50 * 1024 * 1024));
        understate(bomb, "word/document.xml", 1_000);

        assertRefused("bomb.docx is not a Word document (DOCX): entry word/document.xml expands to more than the 1000 bytes "
                + "its ZIP directory says", EvidenceContent.DOCX, "bomb.docx", bomb);
    }

    @Test
    void moreEntriesThanADocumentHasAreRefused() {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", 1);
        for (int i = 0; i < OfficeDocumentCheck.MAX_ENTRIES; i++) {
            entries.put("word/media/image" + i + ".png", 0);
        }

        assertRefused("many.docx is not a Word document (DOCX): it has 10001 entries; at most 10000 are accepted",
                EvidenceContent.DOCX, "many.docx", zeros(entries));
    }

    private static void assertRefused(String message, String type, String filename, byte[] content) {
        ErrorBody.FieldError error = fieldError(type, filename, content);
        assertEquals(ErrorBody.FieldError.BODY, error.field());
        assertEquals(message, error.message());
    }

    /** The one field error of the 400 the check answers. */
    private static ErrorBody.FieldError fieldError(String type, String filename, byte[] content) {
        ApiException refused = assertThrows(ApiException.class, () -> OfficeDocumentCheck.check(type, filename, content));
        assertEquals(400, refused.status());
        List<ErrorBody.FieldError> errors = refused.toErrorBody("/").errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] stored(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry stored = new ZipEntry(entry.getKey());
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                stored.setSize(entry.getValue().length);
                stored.setCrc(crc.getValue());
                zip.putNextEntry(stored);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Entries of so many zero bytes each, deflated: a megabyte of zeros takes about a kilobyte. */
    private static byte[] zeros(Map<String, Integer> sizes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] block = new byte[1024 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (Map.Entry<String, Integer> entry : sizes.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                for (int left = entry.getValue(); left > 0; left -= block.length) {
                    zip.write(block, 0, Math.min(left, block.length));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code size} as the entry's uncompressed size in its central directory record, as a crafted bomb does. */
    private static void understate(byte[] zip, String name, int size) {
        byte[] central = {'P', 'K', 1, 2};
        for (int at = 0; at + 46 < zip.length; at++) {
            if (Arrays.equals(Arrays.copyOfRange(zip, at, at + 4), central)
                    && new String(zip, at + 46, name.length(), StandardCharsets.ISO_8859_1).equals(name)) {
                zip[at + 24] = (byte) size;
                zip[at + 25] = (byte) (size >> 8);
                zip[at + 26] = (byte) (size >> 16);
                zip[at + 27] = (byte) (size >> 24);
                return;
            }
        }
        throw new AssertionError("no central directory record of " + name);
    }

    /** Where the compressed data of the named entry begins: after its local header, name and extra field. */
    private static int dataOf(byte[] zip, String name) {
        byte[] local = {'P', 'K', 3, 4};
        for (int at = 0; at + 30 < zip.length; at++) {
            int nameLength = (zip[at + 26] & 0xFF) | (zip[at + 27] & 0xFF) << 8;
            if (Arrays.equals(Arrays.copyOfRange(zip, at, at + 4), local) && nameLength == name.length()
                    && new String(zip, at + 30, nameLength, StandardCharsets.ISO_8859_1).equals(name)) {
                return at + 30 + nameLength + ((zip[at + 28] & 0xFF) | (zip[at + 29] & 0xFF) << 8);
            }
        }
        throw new AssertionError("no local header of " + name);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
