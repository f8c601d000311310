package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class CsvPlanReaderTest {

    static final String HEADER = CsvPlanImportTest.HEADER;
    static final String ROW = "贯彻落实不到位,招商不力,建立项目跟踪机制,制定办法,管委会主任,王局长,招商局,2026-12-31,限期整改,月报,,\r\n";

    /** A quote left open after the first record came out as "…: org.apache.commons.csv.CSVException: …". */
    @Test
    void aBrokenCsvIsRefusedInTheParsersWordsWithoutAClassName() {
        ApiException refused = assertThrows(ApiException.class, () -> CsvPlanReader.read(utf8("a,b\n\"x")));
        String detail = refused.toErrorBody("/plan-rows").detail();
        assertEquals(400, refused.status());
        assertTrue(detail.startsWith("body: not readable as CSV: (startline 2)"), detail);
        assertTrue(!detail.contains("Exception") && !detail.contains("org."), detail);
    }

    /** Excel (zh-CN) saves "CSV (逗号分隔)" in GBK: every column was "missing". The reviewer's file. */
    @Test
    void aCsvExcelSavedInGbkIsReadAsGb18030AndSaysSo() throws IOException {
        byte[] gbk;
        try (InputStream in = getClass().getResourceAsStream("/plan/gbk.csv")) {
            assertNotNull(in);
            gbk = in.readAllBytes();
        }
        PlanTable table = CsvPlanReader.read(gbk);
        assertEquals(1, table.rows().size());
        assertEquals("GBK任务", table.rows().get(0).cells().get(PlanColumns.TITLE));
        assertEquals("招商局", table.rows().get(0).cells().get(PlanColumns.RESPONSIBLE_UNIT));
        assertEquals(1, table.notes().size());
        assertTrue(table.notes().get(0).message().startsWith("not UTF-8: read as GB18030"), table.notes().get(0).message());
        // characters GBK lacks but GB18030 has
        PlanTable rare = CsvPlanReader.read((HEADER + ROW.replace("招商局", "䶮城招商局")).getBytes(Charset.forName("GB18030")));
        assertEquals("䶮城招商局", rare.rows().get(0).cells().get(PlanColumns.RESPONSIBLE_UNIT));
    }

    /** "Unicode 文本" is UTF-16 with a byte order mark, separated by tabs; UTF-16 with commas is read too. */
    @Test
    void utf16WithItsByteOrderMarkIsReadWithCommasOrTabs() {
        String text = "\uFEFF" + HEADER + ROW;
        assertEquals("招商局", CsvPlanReader.read(text.getBytes(StandardCharsets.UTF_16LE)).rows().get(0).cells()
                .get(PlanColumns.RESPONSIBLE_UNIT));
        assertEquals("招商局", CsvPlanReader.read(text.getBytes(StandardCharsets.UTF_16BE)).rows().get(0).cells()
                .get(PlanColumns.RESPONSIBLE_UNIT));
        PlanTable tabs = CsvPlanReader.read(text.replace(',', '\t').getBytes(StandardCharsets.UTF_16LE));
        assertEquals("建立项目跟踪机制", tabs.rows().get(0).cells().get(PlanColumns.TITLE));
        assertTrue(CsvPlanReader.read(utf8("\uFEFF" + HEADER + ROW)).notes().isEmpty(), "UTF-8 is not worth a note");
    }

    /** A title and blank rows above the header, as nearly every office's file has; line numbers stay Excel's. */
    @Test
    void theHeaderIsFoundBelowATitleAndBlankRows() {
        PlanTable table = CsvPlanReader.read(utf8("某区巡视整改任务分解表,,,,,,,,,,,\r\n,,,,,,,,,,,\r\n\r\n" + HEADER
                + ROW + ",,,,,,,,,,,\r\n\r\n" + ROW.replace("建立项目跟踪机制", "第二项")));
        assertEquals("row 4", table.headerAt());
        assertEquals(4, table.rows().size(), "the blank rows under the header are rows too (skipped by the import)");
        assertEquals(5, table.rows().get(0).line());
        assertTrue(table.rows().get(1).blank());
        assertTrue(table.rows().get(2).blank());
        assertEquals(8, table.rows().get(3).line());
        assertEquals("第二项", table.rows().get(3).cells().get(PlanColumns.TITLE));
    }

    /** A header cell wrapped in Excel (完成\n时限) still names its column. */
    @Test
    void aWrappedHeaderCellNamesItsColumn() {
        PlanTable table = CsvPlanReader.read(utf8(HEADER.replace("完成时限", "\"完成\n时限\"") + ROW));
        assertTrue(table.has(PlanColumns.DEADLINE));
        assertEquals("2026-12-31", table.rows().get(0).cells().get(PlanColumns.DEADLINE));
    }

    /** Bytes that are no text of either encoding, or text without the header, say what to check. */
    @Test
    void withoutAHeaderTheRefusalNamesTheRowsReadAndTheEncoding() {
        ApiException png = assertThrows(ApiException.class, () -> CsvPlanReader.read(new byte[] {(byte) 0x89, 'P', 'N', 'G',
                '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, (byte) 0x80, (byte) 0xFF}));
        assertEquals("body", png.toErrorBody("/plan-rows").errors().get(0).field());
        ApiException noHeader = assertThrows(ApiException.class, () -> CsvPlanReader.read(utf8("标题,其他\r\na,b\r\n")));
        String message = noHeader.toErrorBody("/plan-rows").errors().get(0).message();
        assertEquals("header", noHeader.toErrorBody("/plan-rows").errors().get(0).field());
        assertTrue(message.startsWith("no header row in the first 10 rows of the file (read as UTF-8): none names the "
                + "columns 反馈意见方面, 具体问题, 整改任务"), message);
        assertTrue(message.contains("GBK"), message);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
