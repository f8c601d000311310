package io.rectification.platform.table;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class CsvWriterTest {

    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    @Test
    void excelReadsItAsUtf8WithCrlfAndQuotes() {
        byte[] csv = CsvWriter.write(List.of("序号", "任务"), List.of(List.of(1, "招聘,培训"), List.of(2, "说\"明\"\n第二行")));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
        assertEquals("\uFEFF序号,任务\r\n1,\"招聘,培训\"\r\n2,\"说\"\"明\"\"\n第二行\"\r\n", text(csv));
    }

    @Test
    void aTextThatLooksLikeAFormulaIsShownNotRun() {
        for (String formula : List.of("=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvWriter.cell(formula));
            assertEquals(formula, CsvWriter.unguarded(CsvWriter.cell(formula)), "read back as written");
        }
        assertEquals("'这是引号", CsvWriter.unguarded("'这是引号"), "an apostrophe before anything else is the text's");
        assertEquals("'", CsvWriter.unguarded("'"));
        assertEquals("-5", CsvWriter.cell(-5), "a number is a value");
        assertEquals("-1.50", CsvWriter.cell(new BigDecimal("-1.50")));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("a=b", CsvWriter.cell("a=b"));
    }

    /** A date cell of a table (a LocalDate, an XLSX date cell) is ISO text in CSV, as the import reads it. */
    @Test
    void aDateIsItsIsoText() {
        assertEquals("\uFEFF完成时限\r\n2026-12-31\r\n",
                text(CsvWriter.write(List.of("完成时限"), List.of(List.of(java.time.LocalDate.of(2026, 12, 31))))));
    }
}
