package io.rectification.platform.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A count a test reads from its database by hand, past the service (rows stored, events recorded,
 * sessions waiting): said once, where some twenty test classes each wrote their own.
 */
public final class Counts {

    private Counts() {
    }

    /**
     * The first column of the first row {@code sql} gives, its {@code parameters} bound in order (a
     * {@code String[]} as a text array, for {@code = ANY(?)}).
     */
    public static long of(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                query.setObject(i + 1, value instanceof String[] array ? connection.createArrayOf("text", array) : value);
            }
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row from " + sql);
                }
                return rows.getLong(1);
            }
        }
    }
}
