package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reads the task breakdown table from the first sheet of an XLSX workbook; date cells become YYYY-MM-DD. */
final class XlsxPlanReader {

    private XlsxPlanReader() {
    }

    static PlanTable read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw ApiException.badRequest("header", "the first sheet is empty");
            }
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                headers.add(text(headerRow.getCell(c), formatter));
            }
            List<PlanTable.Row> rows = new ArrayList<>();
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                int filled = 0;
                for (int c = 0; c < Math.max(headers.size(), row.getLastCellNum()); c++) {
                    String value = text(row.getCell(c), formatter);
                    if (!value.isEmpty()) {
                        filled++;
                    }
                    if (c < headers.size()) {
                        cells.put(headers.get(c), value);
                    } else if (!value.isEmpty()) {
                        cells.put("#" + (c + 1), value);
                    }
                }
                if (filled > 0) {
                    rows.add(new PlanTable.Row(r + 1, cells, row.getLastCellNum() > headers.size()
                            && cells.keySet().stream().anyMatch(k -> k.startsWith("#")) ? row.getLastCellNum() : headers.size()));
                }
            }
            return new PlanTable(new LinkedHashSet<>(headers), rows);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "not readable as an XLSX workbook");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }
}
