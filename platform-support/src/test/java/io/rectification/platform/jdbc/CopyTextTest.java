package io.rectification.platform.jdbc;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The COPY text of each kind of value, without a database (the rows stored are compared in reporting-service's tests). */
@Tag("fast")
class CopyTextTest {

    @Test
    void separatorsAndBackslashesAreEscapedAndNullIsMarked() {
        String json = "{\"text\":\"一\\n二\",\n\t\"x\":null}\r";
        assertEquals("{\"text\":\"一\\\\n二\",\\n\\t\"x\":null}\\r\t\\N\tt\n", text(new CopyText().row(json, null, true)));
        byte[] bytes = ("xx" + json).getBytes(StandardCharsets.UTF_8);
        assertEquals(text(new CopyText().row(json)), text(new CopyText().row(new CopyText.Json(bytes, 2, bytes.length - 2))));
    }

    @Test
    void timestampsAreRoundedToTheMicrosecondHalfUpAsTheDriverSendsThem() {
        assertEquals("2025-03-01T09:00:00.000001+08:00\t2025-03-01T09:00:00.000001+08:00\t2025-03-01T09:00:00+08:00\n",
                text(new CopyText().row(OffsetDateTime.parse("2025-03-01T09:00:00.000000500+08:00"),
                        OffsetDateTime.parse("2025-03-01T09:00:00.000001499+08:00"),
                        OffsetDateTime.parse("2025-03-01T09:00:00.000000499+08:00"))));
    }

    @Test
    void numbersIdsAndDatesAsText() {
        UUID id = UUID.randomUUID();
        assertEquals(id + "\t7\t8\t1000\t2025-12-31\n",
                text(new CopyText().row(id, 7, 8L, new BigDecimal("1E+3"), LocalDate.of(2025, 12, 31))));
    }

    @Test
    void idsAreWrittenAsUuidToStringWritesThem() {
        List<UUID> ids = List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(0x0123456789abcdefL, 0xfedcba9876543210L),
                UUID.fromString("00000000-0000-000a-0000-00000000000b"), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            assertEquals(id + "\n", text(new CopyText().row(id)));
        }
    }

    @Test
    void timesAndDatesAreWrittenAsTheFormatterWritesThemRounded() {
        List<OffsetDateTime> times = List.of(OffsetDateTime.parse("2025-03-01T09:00:00Z"),
                OffsetDateTime.parse("0001-01-01T00:00:00.000001+14:00"), OffsetDateTime.parse("9999-12-31T23:59:59.1-18:00"),
                OffsetDateTime.parse("2025-03-01T09:07:05.120000+08:00"), OffsetDateTime.parse("2025-03-01T09:07:05.123456789+05:30"),
                OffsetDateTime.parse("2025-03-01T09:07:05.000010499-03:00"), OffsetDateTime.parse("2025-12-31T23:59:59.999999500+08:00"),
                OffsetDateTime.parse("2025-03-01T09:07:05.5+05:17:03"));
        for (OffsetDateTime time : times) {
            OffsetDateTime rounded = time.plusNanos(time.getNano() % 1000 > 499 ? 1000 : 0).truncatedTo(ChronoUnit.MICROS);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(rounded) + "\t"
                    + DateTimeFormatter.ISO_LOCAL_DATE.format(time.toLocalDate()) + "\n",
                    text(new CopyText().row(time, time.toLocalDate())), time.toString());
        }
    }

    @Test
    void aValueTheTextCannotCarryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CopyText().row(LocalDate.of(10_000, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new CopyText().row(1.5d));
    }

    @Test
    void rowsAndValuesLargerThanAChunkComeOutWhole() {
        CopyText rows = new CopyText();
        StringBuilder expected = new StringBuilder();
        // Rows of 1 KB with an escape at the end: chunks end inside values, wherever they fall.
        String value = "界".repeat(340) + "\t";
        for (int i = 0; i < 300; i++) {
            rows.row(i, value);
            expected.append(i).append('\t').append("界".repeat(340)).append("\\t").append('\n');
        }
        String large = "x".repeat(3 * CopyText.CHUNK + 7);
        rows.row(large, 1);
        expected.append(large).append("\t1\n");
        assertEquals(expected.toString(), text(rows));
        assertEquals(301, rows.rows());
    }

    private static String text(CopyText rows) {
        return rows.asText();
    }
}
