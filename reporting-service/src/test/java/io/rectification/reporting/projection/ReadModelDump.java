package io.rectification.reporting.projection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;

/**
 * Read-model rows as text ("== table" and a line of column=value per row), for tests that compare
 * what two ways of applying the same events leave.
 */
final class ReadModelDump {

    private ReadModelDump() {
    }

    /** The rows each query (by table name, in name order) answers for {@code parameter}. */
    static String of(DataSource dataSource, Map<String, String> queries, Object parameter) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : queries.keySet().stream().sorted().toList()) {
                out.append("== ").append(table).append('\n');
                try (PreparedStatement query = connection.prepareStatement(queries.get(table))) {
                    query.setObject(1, parameter);
                    try (ResultSet rows = query.executeQuery()) {
                        ResultSetMetaData columns = rows.getMetaData();
                        while (rows.next()) {
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                out.append(columns.getColumnName(i)).append('=').append(rows.getString(i)).append(' ');
                            }
                            out.append('\n');
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
