package io.rectification.tasks.plan;

import io.rectification.platform.error.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class CsvPlanReaderTest {

    /** A quote left open after the first record came out as "…: org.apache.commons.csv.CSVException: …". */
    @Test
    void aBrokenCsvIsRefusedInTheParsersWordsWithoutAClassName() {
        ApiException refused = assertThrows(ApiException.class, () -> CsvPlanReader.read("a,b\n\"x"));
        String detail = refused.toErrorBody("/plan-rows").detail();
        assertEquals(400, refused.status());
        assertTrue(detail.startsWith("body: not readable as CSV: (startline 2)"), detail);
        assertTrue(!detail.contains("Exception") && !detail.contains("org."), detail);
    }
}
