package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads the task breakdown table from CSV (UTF-8, with or without a byte order mark). */
final class CsvPlanReader {

    private CsvPlanReader() {
    }

    static PlanTable read(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<PlanTable.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new PlanTable.Row(record.getRecordNumber() + 1, record.toMap(), record.size()));
            }
            return new PlanTable(new LinkedHashSet<>(parser.getHeaderNames()), rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The parser's own words, without the class name an UncheckedIOException puts before them.
            Throwable reason = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw ApiException.badRequest(ErrorBody.FieldError.BODY, "not readable as CSV: " + reason.getMessage());
        }
    }
}
