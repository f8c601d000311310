package io.rectification.platform.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A cause an operator deals with, for a test: a trigger refusing the inserts and updates of a table
 * whose new row meets a condition (a reference not there yet, a rule a later build drops), with an
 * error of the event's making (SQLSTATE P0001, not a database away), until closed. A consumer
 * meeting it dead-letters the event, "not applied: " and the message.
 */
public final class RefusedWrites implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;
    private final String function;

    private RefusedWrites(DataSource dataSource, String table, String function) {
        this.dataSource = dataSource;
        this.table = table;
        this.function = function;
    }

    /**
     * @param condition SQL over {@code NEW}, e.g. {@code NEW.id = '…'}: only the test's own rows, as
     *                  other tests share the table
     * @param message   the error's text (no single quotes)
     */
    public static RefusedWrites on(DataSource dataSource, String table, String condition, String message)
            throws SQLException {
        String function = "refuse_" + UUID.randomUUID().toString().replace('-', '_');
        execute(dataSource, "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF " + condition + " THEN RAISE EXCEPTION '" + message + "'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + function + " BEFORE INSERT OR UPDATE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        return new RefusedWrites(dataSource, table, function);
    }

    @Override
    public void close() throws SQLException {
        execute(dataSource, "DROP TRIGGER IF EXISTS " + function + " ON " + table, "DROP FUNCTION IF EXISTS " + function + "()");
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
