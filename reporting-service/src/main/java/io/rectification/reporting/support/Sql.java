package io.rectification.reporting.support;

import io.rectification.platform.jdbc.CopyText;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the service's datasource. Read models are upserts guarded by aggregate version and
 * aggregate queries, which SQL says directly; inside a transaction the connection is the one
 * enlisted in it (Agroal), so a projection commits together with the consumed-event record.
 * A null parameter is sent untyped, so PostgreSQL infers its type from the column.
 */
@ApplicationScoped
public class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * One statement with many rows of parameters in one round trip (the driver folds an INSERT's
     * batch into multi-row statements: reWriteBatchedInserts in application.properties).
     */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            SQLException next = e.getNextException();
            throw new IllegalStateException(next != null ? next.getMessage() : e.getMessage(), e);
        }
    }

    /**
     * The rows added by COPY ({@link CopyText}): no ON CONFLICT, so a row whose key is taken fails
     * the whole statement; for a rebuild's replay into emptied tables, which falls back on failure.
     */
    public void copy(String tableAndColumns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CopyText text = new CopyText();
        rows.forEach(text::row);
        text.copyInto(dataSource, tableAndColumns);
    }

    public <T> List<T> query(String sql, Row<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public <T> T one(String sql, Row<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
