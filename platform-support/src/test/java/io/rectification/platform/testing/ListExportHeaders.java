package io.rectification.platform.testing;

import io.rectification.platform.lists.ListColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks a service's CSV and XLSX downloads of a list against the one definition of its columns
 * ({@link ListColumns}): tasks-service's and reporting-service's tests both call it, so the two
 * services' exports of each list have the same header row.
 */
public final class ListExportHeaders {

    private ListExportHeaders() {
    }

    public static void assertHeaders(ListColumns<?> columns, byte[] csv, byte[] xlsx) throws Exception {
        assertEquals(columns.header(), csvHeader(csv), columns.list().title() + " as CSV");
        assertEquals(columns.header(), xlsxHeader(xlsx, columns.list().title()), columns.list().title() + " as XLSX");
    }

    static List<String> csvHeader(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(text.startsWith("\uFEFF") ? 1 : 0)))) {
            return parser.iterator().next().toList();
        }
    }

    /** The header row: the first, or the second below a title line (one cell alone, XlsxWriter.write(Table, String)). */
    static List<String> xlsxHeader(byte[] xlsx, String sheet) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row first = workbook.getSheet(sheet).getRow(0);
            Row row = first.getPhysicalNumberOfCells() == 1 ? workbook.getSheet(sheet).getRow(1) : first;
            List<String> header = new ArrayList<>();
            row.forEach(cell -> header.add(cell.getStringCellValue()));
            return header;
        }
    }
}
