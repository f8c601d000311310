package io.rectification.tasks.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task breakdown table as read from a spreadsheet (CSV or XLSX): its column headers and its
 * rows, each with the line number a person sees in the spreadsheet (the header is line 1).
 */
record PlanTable(Set<String> headers, List<Row> rows) {

    /** {@code cellCount} differing from the header's is a malformed row. */
    record Row(long line, Map<String, String> cells, int cellCount) {
    }
}
