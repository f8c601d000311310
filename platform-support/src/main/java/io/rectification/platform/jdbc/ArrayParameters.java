package io.rectification.platform.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Array parameters for the statements that write a whole batch from arrays ({@code unnest(?::text[],
 * ?::uuid[], …)}), sent in PostgreSQL's binary array format.
 *
 * <p>Why: {@code Connection.createArrayOf} writes an array as one text literal, quoting every
 * element and escaping every quote and backslash in it, which the server then parses back; for a
 * batch's events (JSON, quotes throughout) that was the JDBC driver's largest share of the public
 * intake's CPU (docs/benchmarks.md, "Batch arrays in binary"). PgJDBC sends a {@code String[]},
 * {@code int[]} or {@code byte[][]} given to {@code setObject} in binary: each element's bytes with
 * their length, nothing escaped. A column of another type takes the text and casts it in the
 * statement ({@code ?::uuid[]}, {@code ?::timestamptz[]}).
 */
public final class ArrayParameters {

    private ArrayParameters() {
    }

    /** Binds the values' text ({@code toString}; null stays null) as a text array. */
    public static void text(PreparedStatement statement, int index, Object[] values) throws SQLException {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = values[i] == null ? null : values[i].toString();
        }
        statement.setObject(index, text);
    }

    /** Binds the texts as a text array. */
    public static void text(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setObject(index, values.toArray(new String[0]));
    }

    /** Binds the numbers (none null) as an int4 array. */
    public static void integers(PreparedStatement statement, int index, Collection<Integer> values) throws SQLException {
        statement.setObject(index, values.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Binds the byte strings (null stays null) as a bytea array. */
    public static void bytes(PreparedStatement statement, int index, byte[][] values) throws SQLException {
        statement.setObject(index, values);
    }
}
