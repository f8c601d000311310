package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which row of a sheet is the header of the task breakdown table. Offices put a title (某区巡视整改任务
 * 分解表) and blank rows above it, so it is the first of the sheet's first {@link #SEARCHED_ROWS} rows
 * naming at least {@link #ENOUGH} of the required columns; a header cell is read without its blanks
 * and line breaks (完成\n时限, as a wrapped header cell holds it). A sheet without such a row is not
 * the table at all, or (a CSV) text in another encoding: the refusal says which rows were read.
 */
final class PlanHeader {

    static final int SEARCHED_ROWS = 10;
    private static final int ENOUGH = 3;
    private static final Pattern BLANKS = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    static final String TEMPLATE = "use the template at /plans/template.csv or /plans/template.xlsx";

    private PlanHeader() {
    }

    /** The header's index among {@code rows} (only the first {@link #SEARCHED_ROWS} are looked at), or -1. */
    static int find(List<List<String>> rows) {
        for (int i = 0; i < Math.min(rows.size(), SEARCHED_ROWS); i++) {
            List<String> names = rows.get(i).stream().map(PlanHeader::name).toList();
            if (PlanColumns.REQUIRED.stream().filter(names::contains).count() >= ENOUGH) {
                return i;
            }
        }
        return -1;
    }

    /** A header cell as a column name. */
    static String name(String cell) {
        return cell == null ? "" : BLANKS.matcher(cell).replaceAll("");
    }

    /** No row of {@code where} (the file, or each sheet) names the columns; {@code hint} says what else to check. */
    static ApiException notFound(String where, String hint) {
        return ApiException.badRequest("header", "no header row in the first " + SEARCHED_ROWS + " rows of " + where
                + ": none names the columns " + String.join(", ", PlanColumns.REQUIRED) + "; " + hint);
    }
}
