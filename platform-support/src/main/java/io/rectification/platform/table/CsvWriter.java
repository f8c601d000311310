package io.rectification.platform.table;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV the services export, written one way: UTF-8 with a byte order mark (without it a
 * spreadsheet program shows Chinese garbled), CRLF, RFC 4180 quoting (commons-csv), and one rule
 * against formula injection.
 */
public final class CsvWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvWriter() {
    }

    public static byte[] write(Table table) {
        return write(table.header(), table.rows());
    }

    public static byte[] write(List<String> header, List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(CsvWriter::cell).toList());
            for (List<?> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                row.forEach(value -> cells.add(cell(value)));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
     * return, as OWASP lists them) is prefixed with an apostrophe, so it is shown, not run. A
     * number is a value, never a formula: -5 stays -5.
     */
    /** What a spreadsheet takes for the start of a formula, as OWASP lists it. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * A cell as {@link #cell} wrote it, read back: the apostrophe before a formula's first character
     * removed, so a file this service wrote imports as what was written ('=SUM(1) is =SUM(1)).
     */
    public static String unguarded(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
