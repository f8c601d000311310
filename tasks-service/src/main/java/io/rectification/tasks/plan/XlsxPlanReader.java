package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ErrorBody.FieldError;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the task breakdown table from an XLSX workbook: from the first sheet whose first rows hold
 * the header ({@link PlanHeader}; a 填表说明 sheet may come first), cells as {@link SheetCells} reads
 * them. A cell inside a merged region reads as the region's top-left cell, as Excel shows it: the
 * usual table merges 反馈意见方面 and 具体问题 (and often 牵头领导) over the tasks under them. A row
 * holding nothing of its own is blank however merged regions cover it. A formula without a
 * computed value, or with an error as its result, is refused by its row and column.
 */
final class XlsxPlanReader {

    /** Columns kept to the right of the header: a cell there makes its row malformed, whatever its column. */
    private static final int COLUMNS_BEYOND_HEADER = 50;
    private static final Pattern DATE_1904 = Pattern.compile("date1904\\s*=\\s*[\"'](1|true)[\"']");

    private XlsxPlanReader() {
    }

    static PlanTable read(byte[] xlsx) {
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(new ByteArrayInputStream(xlsx));
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            boolean date1904;
            try (InputStream in = reader.getWorkbookData()) {
                date1904 = DATE_1904.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find();
            }
            var styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                SheetCells cells;
                try (InputStream sheet = sheets.next()) {
                    cells = SheetCells.read(sheet, strings, styles, date1904);
                }
                names.add(sheets.getSheetName());
                PlanTable table = table(sheets.getSheetName(), cells);
                if (table != null) {
                    return table;
                }
            }
            throw PlanHeader.notFound(names.size() == 1 ? "the sheet '" + names.get(0) + "'"
                    : "any sheet (" + String.join(", ", names) + ")", "is it the task breakdown table? " + PlanHeader.TEMPLATE);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "not readable as an XLSX workbook");
        } finally {
            if (workbook != null) {
                workbook.revert(); // read only: never written back
            }
        }
    }

    /** The table of this sheet, or null when its first rows hold no header. */
    private static PlanTable table(String sheetName, SheetCells cells) {
        List<List<String>> first = new ArrayList<>();
        for (int r = 0; r < PlanHeader.SEARCHED_ROWS; r++) {
            first.add(SheetCells.list(cells.rows.get(r), Integer.MAX_VALUE));
        }
        int header = PlanHeader.find(first);
        if (header < 0) {
            return null;
        }
        List<String> headerCells = first.get(header);
        fillMerged(cells);
        refuseProblems(cells, header, headerCells);
        List<Long> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int limit = headerCells.size() + COLUMNS_BEYOND_HEADER;
        for (var row : cells.rows.tailMap(header, false).entrySet()) {
            lines.add(row.getKey() + 1L);
            rows.add(SheetCells.list(row.getValue(), limit));
        }
        return PlanTable.of("row " + (header + 1) + " of sheet '" + sheetName + "'", headerCells, lines, rows, false, List.of());
    }

    /** Each merged region's cells, in the rows holding something of their own, take its top-left cell's value. */
    private static void fillMerged(SheetCells cells) {
        for (CellRangeAddress region : cells.merged) {
            TreeMap<Integer, String> top = cells.rows.get(region.getFirstRow());
            String value = top == null ? null : top.get(region.getFirstColumn());
            if (value == null) {
                continue;
            }
            for (TreeMap<Integer, String> row : cells.rows.subMap(region.getFirstRow(), true, region.getLastRow(), true).values()) {
                for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), region.getFirstColumn() + 200); c++) {
                    row.putIfAbsent(c, value);
                }
            }
        }
    }

    private static void refuseProblems(SheetCells cells, int header, List<String> headerCells) {
        List<FieldError> errors = new ArrayList<>();
        for (SheetCells.Problem problem : cells.problems) {
            if (problem.row() > header) {
                String column = problem.column() < headerCells.size() && !PlanHeader.name(headerCells.get(problem.column())).isEmpty()
                        ? PlanHeader.name(headerCells.get(problem.column())) : "#" + (problem.column() + 1);
                errors.add(new FieldError("row " + (problem.row() + 1) + "." + column, "cell "
                        + new CellReference(problem.row(), problem.column()).formatAsString(false) + ": " + problem.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Invalid plan", errors.size() + " problem(s) in the spreadsheet; nothing was stored", errors);
        }
    }
}
