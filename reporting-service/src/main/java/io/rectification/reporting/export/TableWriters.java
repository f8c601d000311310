package io.rectification.reporting.export;

import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.table.XlsxWriter;

/** Writes a table with the platform's one CSV writer and its one XLSX writer. */
final class TableWriters {

    private TableWriters() {
    }

    /** UTF-8 with BOM, CRLF, RFC 4180, the formula-injection rule. */
    static byte[] csv(Table table) {
        return CsvWriter.write(table.header(), table.rows());
    }

    /** One sheet named after the list, a bold header row; numbers stay numbers. */
    static byte[] xlsx(Table table) {
        return XlsxWriter.write(table.title(), table.header(), table.rows());
    }
}
