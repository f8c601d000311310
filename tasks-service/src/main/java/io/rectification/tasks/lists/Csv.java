package io.rectification.tasks.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as Excel opens it: UTF-8 with a byte order mark (else Chinese comes out garbled), CRLF, RFC 4180 quoting. */
final class Csv {

    private Csv() {
    }

    static byte[] write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        // A leading =, +, - or @ would be run as a formula by a spreadsheet.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
