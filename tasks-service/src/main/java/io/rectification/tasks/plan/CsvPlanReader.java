package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.table.CsvWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the task breakdown table from CSV as Excel saves one. Its encoding: a byte order mark says
 * it (UTF-8, or UTF-16 as Excel's "Unicode 文本"); otherwise UTF-8 when the bytes are valid UTF-8,
 * else GB18030, which Excel on a Chinese system writes for "CSV (逗号分隔)" (GBK, which GB18030
 * contains) and which the import then notes. Cells are separated by commas, or by tabs when only
 * that finds the header ("Unicode 文本" is tab-separated). The header may sit below a title and blank
 * rows ({@link PlanHeader}); line numbers are the spreadsheet's rows, blank lines included.
 */
final class CsvPlanReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvPlanReader() {
    }

    /** The text and, when it was not UTF-8, what the import notes about it. */
    record Decoded(String text, String charset, FieldError note) {
    }

    static PlanTable read(byte[] csv) {
        Decoded decoded = decode(csv);
        List<List<String>> records = records(decoded.text(), ',');
        int header = PlanHeader.find(records);
        if (header < 0 && decoded.text().indexOf('\t') >= 0) {
            records = records(decoded.text(), '\t');
            header = PlanHeader.find(records);
        }
        if (header < 0) {
            throw PlanHeader.notFound("the file (read as " + decoded.charset() + ")", "is it the task breakdown table, and "
                    + "saved as CSV UTF-8 or as the CSV Excel writes (GBK)? " + PlanHeader.TEMPLATE);
        }
        List<Long> lines = new ArrayList<>();
        for (long line = header + 2; line <= records.size(); line++) {
            lines.add(line);
        }
        return PlanTable.of("row " + (header + 1), records.get(header), lines, records.subList(header + 1, records.size()),
                true, decoded.note() == null ? List.of() : List.of(decoded.note()));
    }

    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8", null);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16", null);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16", null);
        }
        String utf8 = strictly(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8", null);
        }
        String gb = strictly(bytes, GB18030);
        if (gb == null) {
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "not readable as text: neither UTF-8 nor GB18030 (GBK); "
                    + "save the table as CSV UTF-8 or as a workbook (.xlsx)");
        }
        return new Decoded(gb, "GB18030", new FieldError(ErrorBody.FieldError.BODY,
                "not UTF-8: read as GB18030 (GBK), as Excel saves a CSV on a Chinese system"));
    }

    private static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every record, a blank line included (a blank row of the spreadsheet, so the line numbers stay Excel's). */
    private static List<List<String>> records(String text, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                // a list or plan this system exported guards formula-like text with an apostrophe
                records.add(record.toList().stream().map(CsvWriter::unguarded).toList());
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The parser's own words, without the class name an UncheckedIOException puts before them.
            Throwable reason = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "not readable as CSV: " + reason.getMessage());
        }
    }
}
