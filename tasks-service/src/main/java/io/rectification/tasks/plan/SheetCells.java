package io.rectification.tasks.plan;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cell values of one worksheet of an XLSX workbook as text, read from its XML as it streams by
 * (SAX): the workbook model (XSSFWorkbook) built every cell's XML objects first, a second of a
 * 2,000-row import and most of a 96 MB heap. A cell reads as Excel shows it: a shared or inline
 * string (without phonetic guides), a number in its number format, a date cell as YYYY-MM-DD, and a
 * formula cell as its result as Excel last computed it; a formula without one, or whose result is an
 * error (#N/A), is noted as a {@link Problem}. Only rows holding something are kept; merged regions
 * are listed as Excel stores them, after the cells.
 */
final class SheetCells extends DefaultHandler {

    /** A cell that cannot be read: its row and column (0-based) and why. */
    record Problem(int row, int column, String message) {
    }

    /** Each row holding something (0-based index) with its non-empty cells by column. */
    final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
    final List<CellRangeAddress> merged = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter();
    /**
     * Each shared string and each cell style as first read: POI wraps every one it hands out in a new
     * XMLBeans object (XSSFRichTextString, XSSFCellStyle), which took nine tenths of the reading.
     */
    private final Map<Integer, String> sharedStrings = new HashMap<>();
    private final Map<Integer, XSSFCellStyle> cellStyles = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private int row = -1;
    private int column;
    private String type;
    private int style;
    private boolean formula;
    private String value;
    private boolean collecting;
    private boolean inline;
    private boolean phonetic;

    private SheetCells(SharedStrings strings, StylesTable styles, boolean date1904) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    static SheetCells read(InputStream sheet, SharedStrings strings, StylesTable styles, boolean date1904) throws Exception {
        SheetCells cells = new SheetCells(strings, styles, date1904);
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(cells);
        reader.parse(new InputSource(sheet));
        return cells;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                column = -1;
            }
            case "c" -> {
                String r = attributes.getValue("r");
                column = r == null ? column + 1 : columnOf(r);
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                formula = false;
                value = null;
            }
            case "f" -> formula = true;
            case "v" -> start();
            case "is" -> {
                inline = true;
                text.setLength(0);
            }
            case "rPh" -> phonetic = true;
            case "t" -> collecting = inline && !phonetic;
            case "mergeCell" -> merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
            default -> {
            }
        }
    }

    private void start() {
        collecting = true;
        text.setLength(0);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v" -> {
                value = text.toString();
                collecting = false;
            }
            case "t" -> collecting = false;
            case "rPh" -> phonetic = false;
            case "is" -> {
                value = text.toString();
                inline = false;
            }
            case "c" -> cell();
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (collecting) {
            text.append(ch, start, length);
        }
    }

    private void cell() {
        String shown = shown();
        if (shown != null && !shown.isBlank()) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, shown);
        }
    }

    /** The cell as Excel shows it, or null (empty, or a problem noted). */
    private String shown() {
        if (value == null) {
            if (formula) {
                problems.add(new Problem(row, column, "a formula without a computed value: open the file in Excel and "
                        + "save it again, or paste the values instead of the formulas"));
            }
            return null;
        }
        String t = type == null ? "n" : type;
        return switch (t) {
            case "s" -> sharedStrings.computeIfAbsent(Integer.parseInt(value.strip()), i -> strings.getItemAt(i).getString());
            case "inlineStr", "str" -> value;
            case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
            case "e" -> {
                problems.add(new Problem(row, column, (formula ? "the formula's result is " : "holds ") + "the error "
                        + value.strip() + ": correct it in the spreadsheet"));
                yield null;
            }
            case "d" -> value.length() >= 10 ? value.substring(0, 10) : value;
            default -> number(Double.parseDouble(value.strip()));
        };
    }

    private String number(double number) {
        XSSFCellStyle cellStyle = styles == null || style >= styles.getNumCellStyles() ? null
                : cellStyles.computeIfAbsent(style, styles::getStyleAt);
        int format = cellStyle == null ? 0 : cellStyle.getDataFormat();
        String formatText = cellStyle == null ? "General" : cellStyle.getDataFormatString();
        if (formatText != null && DateUtil.isADateFormat(format, formatText) && DateUtil.isValidExcelDate(number)) {
            return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
        }
        return formatter.formatRawCellContents(number, format, formatText == null ? "General" : formatText);
    }

    /** "AB12" → 27. */
    private static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    /**
     * The row's cells from column 0 to its last non-empty one ("" between), at most {@code limit}: a
     * cell far to the right would otherwise make a list of thousands of empty cells.
     */
    static List<String> list(TreeMap<Integer, String> cells, int limit) {
        List<String> list = new ArrayList<>();
        if (cells == null || cells.isEmpty()) {
            return list;
        }
        int last = Math.min(cells.lastKey(), limit - 1);
        for (int c = 0; c <= last; c++) {
            list.add(cells.getOrDefault(c, ""));
        }
        return list;
    }
}
