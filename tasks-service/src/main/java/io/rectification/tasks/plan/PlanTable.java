package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task breakdown table as read from a spreadsheet (CSV or XLSX): where its header was found
 * ("row 3", "row 1 of sheet '任务分解表'"), the header's column names, the rows under it, each with the
 * line number a person sees in the spreadsheet, and what the reader noted on the way (a CSV read
 * as GB18030) for the import's warnings.
 */
record PlanTable(String headerAt, List<String> header, List<Row> rows, List<FieldError> notes) {

    boolean has(String column) {
        return header.contains(column);
    }

    /**
     * One row. {@code cellCount} differing from the header's width is a malformed row; {@code blank}
     * when none of its own cells holds anything (a separator row, or one only a merged region covers).
     */
    record Row(long line, Map<String, String> cells, int cellCount, boolean blank) {
    }

    /**
     * The rows under the header: cells named by the header's columns (a cell beyond them, if not
     * empty, by its place "#14"). {@code cellCount} is each row's own count when {@code counted} (a CSV
     * record), else the header's width unless a cell beyond it holds something (an XLSX row, whose
     * empty cells are simply absent).
     */
    static PlanTable of(String headerAt, List<String> headerCells, List<Long> lines, List<List<String>> rows,
                        boolean counted, List<FieldError> notes) {
        List<String> header = headerCells.stream().map(PlanHeader::name).toList();
        List<Row> table = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            Map<String, String> named = new LinkedHashMap<>();
            boolean blank = true;
            int beyond = header.size();
            for (int c = 0; c < cells.size(); c++) {
                String value = cells.get(c) == null ? "" : cells.get(c).strip();
                blank &= value.isEmpty();
                if (c < header.size()) {
                    named.putIfAbsent(header.get(c), value);
                } else if (!value.isEmpty()) {
                    named.put("#" + (c + 1), value);
                    beyond = c + 1;
                }
            }
            table.add(new Row(lines.get(i), named, counted ? cells.size() : beyond, blank));
        }
        return new PlanTable(headerAt, header, table, notes);
    }
}
