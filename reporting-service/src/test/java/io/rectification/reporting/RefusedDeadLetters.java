package io.rectification.reporting;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the dead-letter table refuse any message whose bytes hold a marker, as a full disk or a
 * lost database would, until closed: the case where a consumer can neither apply nor record.
 */
public final class RefusedDeadLetters implements AutoCloseable {

    private final DataSource dataSource;
    private final String function;

    private RefusedDeadLetters(DataSource dataSource, String function) {
        this.dataSource = dataSource;
        this.function = function;
    }

    /** @param marker letters, digits and dashes only */
    public static RefusedDeadLetters holding(DataSource dataSource, String marker) throws SQLException {
        String function = "refuse_" + marker.replaceAll("[^A-Za-z0-9]", "_");
        execute(dataSource, "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF position(convert_to('" + marker + "', 'UTF8') in NEW.payload) > 0 THEN "
                        + "RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + function + " BEFORE INSERT ON dead_letter FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        return new RefusedDeadLetters(dataSource, function);
    }

    @Override
    public void close() throws SQLException {
        execute(dataSource, "DROP TRIGGER " + function + " ON dead_letter", "DROP FUNCTION " + function + "()");
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
