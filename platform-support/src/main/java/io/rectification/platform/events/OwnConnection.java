package io.rectification.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A connection of a thread's own, outside the pool (the outbox relay, its wake-up, the listeners on a
 * notification channel, the public intake's writer): the datasource's address and credentials, a name
 * that pg_stat_activity shows, and the caller's own driver and session settings.
 *
 * <p>Each waits for an answer at most {@link #ANSWER_TIMEOUT} (or the caller's, {@link #answerWithin}),
 * then takes the connection for dead: a database that vanished without closing its end (a node lost in
 * a failover, a firewall forgetting an idle connection) answers nothing, and without a bound the thread
 * waited for TCP to give up, a quarter of an hour, with the outbox unrelayed or the caches trusting a
 * listener that heard nothing. These threads' statements are short; the bound is far above them.
 */
public final class OwnConnection {

    /** The longest wait for one answer from PostgreSQL, unless the caller says otherwise. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private OwnConnection() {
    }

    public static Connection open(String jdbcUrl, String username, Optional<String> password, String applicationName,
                                  Map<String, String> settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName);
        properties.putAll(answerWithin(ANSWER_TIMEOUT, Map.of()));
        properties.putAll(settings);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** {@code settings} with the wait for one answer set to {@code timeout} (whole seconds, at least one). */
    public static Map<String, String> answerWithin(Duration timeout, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("socketTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
        return all;
    }
}
