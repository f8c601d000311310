package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class XlsxPlanReaderTest {

    /**
     * The normal 任务分解表 merges 反馈意见方面 and 具体问题 over their tasks: the rows under the first were
     * refused as blank. The reviewer's file: A2:A4 and B2:B3 merged.
     */
    @Test
    void aCellInAMergedRegionReadsAsItsTopLeftCell() throws IOException {
        PlanTable table = XlsxPlanReader.read(resource("/plan/merged-area-and-problem.xlsx"));
        assertEquals(3, table.rows().size());
        assertEquals(List.of("（一）贯彻落实党中央决策部署不到位", "（一）贯彻落实党中央决策部署不到位", "（一）贯彻落实党中央决策部署不到位"),
                table.rows().stream().map(row -> row.cells().get(PlanColumns.AREA)).toList());
        assertEquals(List.of("1.问题甲", "1.问题甲", "2.问题乙"),
                table.rows().stream().map(row -> row.cells().get(PlanColumns.PROBLEM)).toList());
    }

    /** A region covering rows that hold nothing else does not make them rows of tasks. */
    @Test
    void aRowOnlyAMergedRegionCoversIsBlank() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, 0);
            row(sheet, 1, "方面一", "问题一", "任务一");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A6"));
        });
        assertEquals(1, XlsxPlanReader.read(xlsx).rows().size());
    }

    /** A formula's value as Excel last computed it, never its text (the reviewer's file: CONCATENATE("任务","一")). */
    @Test
    void aFormulaCellReadsAsItsComputedValue() throws IOException {
        PlanTable table = XlsxPlanReader.read(resource("/plan/formula-cached.xlsx"));
        assertEquals("任务一", table.rows().get(0).cells().get(PlanColumns.TITLE));
    }

    @Test
    void aFormulaWithoutAValueOrWithAnErrorIsRefusedByItsCell() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, 0);
            Row row = row(sheet, 1, "方面一", "问题一", "任务一");
            row.createCell(6).setCellFormula("VLOOKUP(B2,单位!A:B,2,0)");
            Cell error = row.createCell(4);
            error.setCellFormula("NA()");
            error.setCellErrorValue(FormulaError.NA.getCode());
        });
        ApiException refused = assertThrows(ApiException.class, () -> XlsxPlanReader.read(xlsx));
        List<ErrorBody.FieldError> errors = refused.toErrorBody("/plan-rows").errors();
        assertEquals(List.of("row 2.牵头领导", "row 2.责任单位"), errors.stream().map(ErrorBody.FieldError::field).sorted().toList());
        String unit = errors.stream().filter(e -> e.field().equals("row 2.责任单位")).findFirst().orElseThrow().message();
        assertTrue(unit.startsWith("cell G2: a formula without a computed value"), unit);
        String lead = errors.stream().filter(e -> e.field().equals("row 2.牵头领导")).findFirst().orElseThrow().message();
        assertTrue(lead.startsWith("cell E2: the formula's result is the error #N/A"), lead);
    }

    /** A 填表说明 sheet first and a title above the header, as offices send them. */
    @Test
    void theTableIsTheFirstSheetWithTheHeaderInItsFirstRows() throws IOException {
        byte[] xlsx;
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet instructions = workbook.createSheet("填表说明");
            instructions.createRow(0).createCell(0).setCellValue("1. 每行填写一项整改任务；反馈意见方面、具体问题可合并单元格。");
            Sheet sheet = workbook.createSheet("任务分解表");
            sheet.createRow(0).createCell(0).setCellValue("某区巡视整改任务分解表");
            header(sheet, 2);
            row(sheet, 3, "方面一", "问题一", "任务一");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        PlanTable table = XlsxPlanReader.read(xlsx);
        assertEquals("row 3 of sheet '任务分解表'", table.headerAt());
        assertEquals(1, table.rows().size());
        assertEquals(4, table.rows().get(0).line());
    }

    @Test
    void aWorkbookWithoutTheHeaderNamesItsSheets() throws IOException {
        byte[] xlsx;
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("说明");
            workbook.createSheet("Sheet2").createRow(0).createCell(0).setCellValue("标题");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ApiException refused = assertThrows(ApiException.class, () -> XlsxPlanReader.read(xlsx));
        ErrorBody.FieldError error = refused.toErrorBody("/plan-rows").errors().get(0);
        assertEquals("header", error.field());
        assertTrue(error.message().startsWith("no header row in the first 10 rows of any sheet (填表说明, Sheet2)"), error.message());
    }

    /** Date cells as YYYY-MM-DD whatever their format; a number in General as Excel shows it. */
    @Test
    void cellsReadAsExcelShowsThem() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, 0);
            Row row = row(sheet, 1, "方面一", "问题一", "任务一");
            var style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            row.createCell(7).setCellValue(LocalDate.of(2026, 12, 31));
            row.getCell(7).setCellStyle(style);
            row.createCell(11).setCellValue(46387);
            row.createCell(3).setCellValue(true);
        });
        PlanTable.Row row = XlsxPlanReader.read(xlsx).rows().get(0);
        assertEquals("2026-12-31", row.cells().get(PlanColumns.DEADLINE));
        assertEquals("46387", row.cells().get(PlanColumns.NARRATIVE));
        assertEquals("TRUE", row.cells().get(PlanColumns.MEASURES));
        assertFalse(row.blank());
    }

    /**
     * POI wraps each shared string it hands out in a new XMLBeans object: fetched for every cell, that
     * was nine tenths of reading a 2,000-row workbook (about 400 ms in a 96 MB heap; now 40). Each
     * shared string is fetched once, however many cells show it.
     */
    @Test
    void eachSharedStringIsFetchedOnce() throws Exception {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, 0);
            for (int r = 1; r <= 50; r++) {
                row(sheet, r, "方面一", "问题一", "任务" + r);
            }
        });
        OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(xlsx));
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(workbook, false);
            AtomicInteger fetched = new AtomicInteger();
            SharedStrings counting = new SharedStrings() {
                @Override
                public RichTextString getItemAt(int idx) {
                    fetched.incrementAndGet();
                    return table.getItemAt(idx);
                }

                @Override
                public int getCount() {
                    return table.getCount();
                }

                @Override
                public int getUniqueCount() {
                    return table.getUniqueCount();
                }
            };
            SheetCells cells;
            try (InputStream sheet = reader.getSheetsData().next()) {
                cells = SheetCells.read(sheet, counting, reader.getStylesTable(), false);
            }
            assertEquals(51, cells.rows.size());
            assertEquals(table.getUniqueCount(), fetched.get(), "shared strings fetched for 12 + 150 cells");
        } finally {
            workbook.revert();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = XlsxPlanReaderTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static byte[] workbook(Consumer<Sheet> fill) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("任务分解表"));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void header(Sheet sheet, int at) {
        Row header = sheet.createRow(at);
        for (int c = 0; c < XlsxPlanImportTest.HEADER.size(); c++) {
            header.createCell(c).setCellValue(XlsxPlanImportTest.HEADER.get(c));
        }
    }

    private static Row row(Sheet sheet, int at, String area, String problem, String task) {
        Row row = sheet.createRow(at);
        row.createCell(0).setCellValue(area);
        row.createCell(1).setCellValue(problem);
        row.createCell(2).setCellValue(task);
        return row;
    }
}
