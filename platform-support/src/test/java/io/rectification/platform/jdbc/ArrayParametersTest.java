package io.rectification.platform.jdbc;

import io.rectification.platform.testing.RealServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Arrays in PostgreSQL's binary format arrive element for element, whatever the elements hold. */
class ArrayParametersTest {

    private static Map<String, String> services;

    @BeforeAll
    static void database() {
        services = RealServices.startedOn("platform_test");
    }

    @Test
    void textsArriveAsSentWithTheirQuotesBackslashesAndNulls() throws SQLException {
        List<String> sent = Arrays.asList("{\"a\":\"b\\\"c\"}", "逗号,引号\"反斜杠\\", null, "", "NULL", " {},\t\n", "😀");
        assertEquals(sent, texts("SELECT unnest(?::text[])", statement -> ArrayParameters.text(statement, 1, sent)));
    }

    @Test
    void otherTypesTakeTheTextAndTheStatementsCast() throws SQLException {
        UUID id = UUID.randomUUID();
        Object[] values = {id, null};
        assertEquals(Arrays.asList(id.toString(), null),
                texts("SELECT unnest(?::uuid[])::text", statement -> ArrayParameters.text(statement, 1, values)));
        assertEquals(List.of(String.valueOf(Instant.parse("2026-12-03T08:00:00Z").getEpochSecond())),
                texts("SELECT extract(epoch FROM unnest(?::timestamptz[]))::int8::text",
                        statement -> ArrayParameters.text(statement, 1, new Object[] {"2026-12-03T16:00:00+08:00"})));
        assertEquals(List.of("true", "false"), texts("SELECT unnest(?::boolean[])::text",
                statement -> ArrayParameters.text(statement, 1, new Object[] {true, false})));
    }

    @Test
    void numbersAndBytesToo() throws SQLException {
        assertEquals(List.of("1", "-2", "2147483647"), texts("SELECT unnest(?::int[])::text",
                statement -> ArrayParameters.integers(statement, 1, List.of(1, -2, Integer.MAX_VALUE))));
        byte[][] sent = {{0, 1, (byte) 0xff, '"', '\\'}, null, {}};
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT unnest(?::bytea[])")) {
            ArrayParameters.bytes(query, 1, sent);
            List<byte[]> received = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    received.add(rows.getBytes(1));
                }
            }
            assertEquals(3, received.size());
            assertArrayEquals(sent[0], received.get(0));
            assertNull(received.get(1));
            assertArrayEquals(sent[2], received.get(2));
        }
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static List<String> texts(String sql, Binding binding) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binding.bind(statement);
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }

    private static Connection connect() throws SQLException {
        return RealServices.connect(services);
    }
}
