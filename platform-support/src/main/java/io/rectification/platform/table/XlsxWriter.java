package io.rectification.platform.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Every XLSX the services export, written one way (Apache POI, which tasks-service also reads plans
 * with): one sheet, a bold header row kept in view with filter buttons, then the rows; numbers stay
 * numbers and a {@link LocalDate} is a date cell shown as yyyy-mm-dd (so Excel sorts, filters and
 * counts days with them; as text it did neither), null is an empty cell, the rest is text. A cell is
 * never a formula: text that looks like one (=, +, -, @) is written as a string, which Excel shows
 * and never runs, so it needs no apostrophe (CSV does, {@link CsvWriter}).
 *
 * <p>A sheet may open with a title line above the header ({@link #write(Table, String)}): which inspection, which
 * list, as of which day, so a printed or forwarded sheet says whose it is (the file's name does not travel with a
 * printout). The header is then the second row, and the one kept in view with the filters.
 *
 * <p>Written as a stream (POI's SXSSF: rows go to a compressed temporary file {@value #ROWS_IN_MEMORY} at a
 * time, strings inline): the whole workbook held as XML objects (XSSF) cost a 2,000-task list eight times a CSV's
 * CPU and filled the services' small heaps with full collections.
 */
public final class XlsxWriter {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    /** Column widths in characters: at least a date's ten and a little, at most what a screen shows beside others. */
    private static final int MIN_WIDTH = 12;
    private static final int MAX_WIDTH = 50;
    /** Rows kept in memory before they are flushed to the temporary file. */
    static final int ROWS_IN_MEMORY = 200;

    private XlsxWriter() {
    }

    /** One sheet named after the table's title. */
    public static byte[] write(Table table) {
        return write(table.title(), table.header(), table.rows());
    }

    /** One sheet named after the table's title, opening with {@code titleLine} (bold) above the header. */
    public static byte[] write(Table table, String titleLine) {
        return write(table.title(), titleLine, table.header(), table.rows());
    }

    public static byte[] write(String sheetName, List<String> header, List<? extends List<?>> rows) {
        return write(sheetName, null, header, rows);
    }

    private static byte[] write(String sheetName, String titleLine, List<String> header, List<? extends List<?>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROWS_IN_MEMORY, true, false);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
            int[] widths = new int[header.size()];
            // the title line is not measured: a long title would widen its first column to the maximum
            int top = 0;
            if (titleLine != null) {
                Cell title = sheet.createRow(top++).createCell(0);
                title.setCellValue(titleLine);
                title.setCellStyle(bold);
            }
            Row headerRow = sheet.createRow(top);
            for (int c = 0; c < header.size(); c++) {
                headerRow.createCell(c).setCellValue(header.get(c));
                headerRow.getCell(c).setCellStyle(bold);
                widths[c] = width(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(top + r + 1);
                List<?> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                    if (c < widths.length && value != null) {
                        widths[c] = Math.max(widths[c], width(value instanceof LocalDate ? DATE_FORMAT : value.toString()));
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
            }
            sheet.createFreezePane(0, top + 1);
            if (!header.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(top, top + rows.size(), 0, header.size() - 1));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose(); // its temporary file
        }
    }

    /** How wide a text shows: a Chinese character takes two columns' worth, a Latin one. */
    private static int width(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }
}
