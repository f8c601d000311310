package io.rectification.platform.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbook read back as a spreadsheet program reads it; no services. */
@Tag("fast")
class XlsxWriterTest {

    @Test
    void oneSheetWithABoldHeaderNumbersAsNumbersAndTextAsText() throws Exception {
        byte[] xlsx = XlsxWriter.write("任务清单", List.of("编号", "整改任务", "完成进度(%)"), List.of(
                Arrays.asList("(一)1.一是", "=HYPERLINK(\"x\")", 40),
                Arrays.asList("(一)1.二是", null, -5)));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1, workbook.getNumberOfSheets());
            Sheet sheet = workbook.getSheet("任务清单");
            Row header = sheet.getRow(0);
            assertEquals("编号", header.getCell(0).getStringCellValue());
            assertTrue(workbook.getFontAt(header.getCell(2).getCellStyle().getFontIndex()).getBold());
            Row first = sheet.getRow(1);
            assertFalse(workbook.getFontAt(first.getCell(0).getCellStyle().getFontIndex()).getBold());
            Cell formulaLike = first.getCell(1);
            assertEquals(CellType.STRING, formulaLike.getCellType(), "text that looks like a formula stays text");
            assertEquals("=HYPERLINK(\"x\")", formulaLike.getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(2).getCellType());
            assertEquals(40.0, first.getCell(2).getNumericCellValue());
            Row second = sheet.getRow(2);
            assertEquals("", second.getCell(1).getStringCellValue(), "null is an empty cell, not \"null\"");
            assertEquals(-5.0, second.getCell(2).getNumericCellValue());
            assertEquals(2, sheet.getLastRowNum());
        }
    }

    /**
     * A date is a date cell shown as yyyy-mm-dd, so Excel sorts, filters and counts days with it; the
     * header stays in view and carries the filter buttons; a column is wide enough for its date
     * (a date cell too narrow for it shows ########).
     */
    @Test
    void datesAreDateCellsAndTheHeaderIsFrozenWithFilters() throws Exception {
        byte[] xlsx = XlsxWriter.write("任务清单", List.of("整改任务", "完成时限", "完成进度(%)"), List.of(
                Arrays.asList("建立台账", LocalDate.of(2026, 12, 31), new BigDecimal("12.5")),
                Arrays.asList("完成兑付", null, 0)));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("任务清单");
            Cell deadline = sheet.getRow(1).getCell(1);
            assertEquals(CellType.NUMERIC, deadline.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(deadline), "a date, not a number");
            assertEquals(LocalDate.of(2026, 12, 31), deadline.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm-dd", deadline.getCellStyle().getDataFormatString());
            assertEquals("2026-12-31", new DataFormatter().formatCellValue(deadline));
            assertEquals(12.5, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(CellType.BLANK, sheet.getRow(2).getCell(1).getCellType(), "no date: an empty cell");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "the header row stays in view");
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals("A1:C3", ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef());
            assertTrue(sheet.getColumnWidth(1) >= 11 * 256, "wide enough for yyyy-mm-dd: " + sheet.getColumnWidth(1));
        }
    }

    /** A title line above the header: the header is the second row, kept in view with the filters, the rows below it. */
    @Test
    void aTitleLineOpensTheSheetAboveTheHeader() throws Exception {
        byte[] xlsx = XlsxWriter.write(new Table("任务清单", List.of("整改任务", "完成时限"), List.of(
                Arrays.asList("建立台账", LocalDate.of(2026, 12, 31)),
                Arrays.asList("完成兑付", null))), "省委第七巡视组专项巡视沈阳高新区 整改任务清单（截至2026年12月6日）");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("任务清单");
            Cell title = sheet.getRow(0).getCell(0);
            assertEquals("省委第七巡视组专项巡视沈阳高新区 整改任务清单（截至2026年12月6日）", title.getStringCellValue());
            assertTrue(workbook.getFontAt(title.getCellStyle().getFontIndex()).getBold());
            assertEquals(1, sheet.getRow(0).getPhysicalNumberOfCells(), "the title alone on its row");
            assertEquals("整改任务", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("建立台账", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(3, sheet.getLastRowNum());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitTopRow(), "title and header stay in view");
            assertEquals("A2:B4", ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef());
            assertTrue(sheet.getColumnWidth(0) < 30 * 256, "the title does not widen its column: " + sheet.getColumnWidth(0));
        }
    }
}
