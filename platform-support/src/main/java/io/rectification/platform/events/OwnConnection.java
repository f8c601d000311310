package io.rectification.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A connection of a thread's own, outside the pool (the outbox relay, its wake-up, the public
 * intake's writer): the datasource's address and credentials, a name that pg_stat_activity shows,
 * and the caller's own driver and session settings.
 */
public final class OwnConnection {

    private OwnConnection() {
    }

    public static Connection open(String jdbcUrl, String username, Optional<String> password, String applicationName,
                                  Map<String, String> settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName);
        properties.putAll(settings);
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
