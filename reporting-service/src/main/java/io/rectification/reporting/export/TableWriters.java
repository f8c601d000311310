package io.rectification.reporting.export;

import io.rectification.platform.table.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a table as CSV (UTF-8 with BOM, RFC 4180) or as an XLSX workbook of one sheet. */
final class TableWriters {

    private TableWriters() {
    }

    /** The platform's one CSV writer (BOM, CRLF, RFC 4180, the formula-injection rule). */
    static byte[] csv(Table table) {
        return CsvWriter.write(table.header(), table.rows());
    }

    static byte[] xlsx(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "reporting-service", "1.0");
            Worksheet sheet = workbook.newWorksheet(table.title());
            for (int c = 0; c < table.header().size(); c++) {
                sheet.value(0, c, table.header().get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else {
                        sheet.value(r + 1, c, String.valueOf(value));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
