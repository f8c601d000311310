package io.rectification.platform.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's COPY text format, sent with {@link #copyInto}: the cheapest way to add many
 * rows (no statement to parse, no parameters to bind, each string encoded once). Its limits are
 * the callers' to mind: there is no ON CONFLICT, so a row whose key is taken fails the whole COPY,
 * and nothing comes back.
 *
 * <p>A value is written so that the row stored equals what an INSERT with the value as a
 * parameter stores (pgjdbc's rules): a timestamp is rounded to the microsecond, half up. A value
 * of a type not listed, or one the text form would not round-trip (a date outside years 1-9999),
 * throws {@link IllegalArgumentException}, so that a caller with a slower path can take it.
 */
public final class CopyText {

    private static final byte[] NULL = {'\\', 'N'};

    /**
     * The rows go into chunks of this size, each written in turn: a buffer doubled as it filled
     * copied every byte again at each doubling, which was a sixth of all a rebuild allocated
     * (docs/benchmarks.md, "Rebuild: where the collections come from").
     */
    static final int CHUNK = 64 * 1024;

    /** A chunk and how much of it is filled. */
    private record Chunk(byte[] bytes, int length) {
    }

    /** The filled chunks before {@link #buffer}, in order. */
    private final List<Chunk> filled = new ArrayList<>();
    private byte[] buffer = new byte[CHUNK];
    private int size;
    private int rows;

    /** Adds a row: null, String, {@link Json}, UUID, Integer, Long, BigDecimal, Boolean, LocalDate, OffsetDateTime. */
    public CopyText row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            value(values[i]);
        }
        put((byte) '\n');
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** The rows as they will be sent (for tests). */
    String asText() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        chunks().forEach(chunk -> text.write(chunk.bytes(), 0, chunk.length()));
        return text.toString(StandardCharsets.UTF_8);
    }

    private List<Chunk> chunks() {
        List<Chunk> all = new ArrayList<>(filled);
        all.add(new Chunk(buffer, size));
        return all;
    }

    /**
     * {@code COPY tableAndColumns FROM STDIN} on the data source's connection (the one enlisted in
     * the caller's transaction); nothing when there are no rows. A refused row fails it all.
     */
    public void copyInto(DataSource dataSource, String tableAndColumns) {
        if (rows == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN");
            try {
                for (Chunk chunk : chunks()) {
                    copy.writeToCopy(chunk.bytes(), 0, chunk.length());
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** JSON text already in UTF-8 (a slice of a message), written without becoming a String first. */
    public record Json(byte[] bytes, int offset, int length) {
    }

    private void value(Object value) {
        if (value == null) {
            put(NULL, 0, NULL.length);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            escaped(bytes, 0, bytes.length);
        } else if (value instanceof Json json) {
            escaped(json.bytes(), json.offset(), json.length());
        } else if (value instanceof UUID id) {
            uuid(id);
        } else if (value instanceof Integer || value instanceof Long) {
            ascii(value.toString());
        } else if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString());
        } else if (value instanceof Boolean flag) {
            put((byte) (flag ? 't' : 'f'));
        } else if (value instanceof LocalDate date) {
            yearInRange(date.getYear(), value);
            date(date);
        } else if (value instanceof OffsetDateTime time) {
            timestamp(time);
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }

    /**
     * As {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes the time {@link #micros} gives, written in
     * place: the formatter's Strings and builders were a third of what a rebuild's COPY text allocated
     * (docs/benchmarks.md). An offset with seconds is written by the formatter.
     */
    private void timestamp(OffsetDateTime time) {
        OffsetDateTime rounded = micros(time);
        if (rounded.getOffset().getTotalSeconds() % 60 != 0) {
            ascii(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(rounded));
            return;
        }
        date(rounded.toLocalDate());
        ensure(16);
        buffer[size++] = 'T';
        digits(rounded.getHour(), 2);
        buffer[size++] = ':';
        digits(rounded.getMinute(), 2);
        buffer[size++] = ':';
        digits(rounded.getSecond(), 2);
        int micros = rounded.getNano() / 1000;
        if (micros != 0) {
            // the fraction's digits without the zeros at its end, as the formatter leaves them out
            int length = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                length--;
            }
            buffer[size++] = '.';
            digits(micros, length);
        }
        ascii(rounded.getOffset().getId());
    }

    /** yyyy-MM-dd, the year in range (1-9999). */
    private void date(LocalDate date) {
        ensure(10);
        digits(date.getYear(), 4);
        buffer[size++] = '-';
        digits(date.getMonthValue(), 2);
        buffer[size++] = '-';
        digits(date.getDayOfMonth(), 2);
    }

    /** {@code value} in decimal, {@code length} digits padded with zeros (room ensured by the caller). */
    private void digits(int value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            buffer[size + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += length;
    }

    /** As pgjdbc sends an OffsetDateTime: to the microsecond, a remainder of 500 ns or more rounding up. */
    private OffsetDateTime micros(OffsetDateTime time) {
        OffsetDateTime rounded = time.getNano() % 1000 > 499 ? time.plusNanos(1000) : time;
        yearInRange(rounded.getYear(), time);
        return rounded.truncatedTo(ChronoUnit.MICROS);
    }

    /** Outside these years Java's ISO text is not PostgreSQL's (a sign, or an era). */
    private static void yearInRange(int year, Object value) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("no COPY text for " + value);
        }
    }

    /** The text format's escapes: a backslash, and the row and column separators (newline, carriage return, tab). */
    private void escaped(byte[] bytes, int offset, int length) {
        int end = offset + length;
        ensure(length);
        int from = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            byte escape = b == '\\' ? (byte) '\\' : b == '\n' ? (byte) 'n' : b == '\r' ? (byte) 'r' : b == '\t' ? (byte) 't' : 0;
            if (escape != 0) {
                put(bytes, from, i - from);
                put((byte) '\\');
                put(escape);
                from = i + 1;
            }
        }
        put(bytes, from, end - from);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * As {@link UUID#toString}, written in place: a rebuild writes some three ids per event, and the
     * Strings they became were a third of what its COPY text allocated (docs/benchmarks.md).
     */
    private void uuid(UUID id) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        ensure(36);
        hex(high >>> 32, 8);
        buffer[size++] = '-';
        hex(high >>> 16, 4);
        buffer[size++] = '-';
        hex(high, 4);
        buffer[size++] = '-';
        hex(low >>> 48, 4);
        buffer[size++] = '-';
        hex(low, 12);
    }

    /** The lowest {@code digits} hex digits of {@code bits}, the highest first. */
    private void hex(long bits, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[size + i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        size += digits;
    }

    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void put(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** Room for {@code more} bytes in the current chunk, else a new chunk (a value may span two: COPY reads a stream). */
    private void ensure(int more) {
        if (size + more > buffer.length) {
            filled.add(new Chunk(buffer, size));
            buffer = new byte[Math.max(CHUNK, more)];
            size = 0;
        }
    }
}
