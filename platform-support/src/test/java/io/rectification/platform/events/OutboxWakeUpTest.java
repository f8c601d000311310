package io.rectification.platform.events;

import io.rectification.platform.testing.RealServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's wake-up sent after a commit, on a connection of its own: a listener on the outbox
 * channel (as the relay is) hears it, and after its session is killed the next request reaches
 * the listener over a new connection.
 */
class OutboxWakeUpTest {

    private static Map<String, String> services;

    @BeforeAll
    static void database() {
        services = RealServices.startedOn("platform_test");
    }

    @Test
    void aListenerOnTheOutboxChannelIsWokenAndStillIsAfterTheWakeUpsSessionWasKilled() throws Exception {
        OutboxWakeUp wakeUp = new OutboxWakeUp(services.get("quarkus.datasource.jdbc.url"),
                services.get("quarkus.datasource.username"), Optional.of(services.get("quarkus.datasource.password")));
        try (Connection listener = connect(); Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + Outbox.CHANNEL);

            wakeUp.request();
            assertTrue(wokenWhileRequesting(listener, wakeUp), "the listener was woken");

            try (Connection admin = connect(); Statement kill = admin.createStatement();
                 ResultSet killed = kill.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                         + "FROM pg_stat_activity WHERE datname = current_database() AND application_name = '"
                         + OutboxWakeUp.NAME + "'")) {
                killed.next();
                assertEquals(1, killed.getInt(1), "the wake-up's own session");
            }
            drain(listener);
            assertTrue(wokenWhileRequesting(listener, wakeUp), "woken again, over a new connection");
        } finally {
            wakeUp.onStop(null);
        }
    }

    /** Asks for a wake-up now and then (a request may fall on the dead connection) until the listener hears one. */
    private static boolean wokenWhileRequesting(Connection listener, OutboxWakeUp wakeUp) throws SQLException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        PGConnection pg = listener.unwrap(PGConnection.class);
        while (Instant.now().isBefore(giveUp)) {
            PGNotification[] heard = pg.getNotifications(500);
            if (heard != null && heard.length > 0) {
                assertEquals(Outbox.CHANNEL, heard[0].getName());
                return true;
            }
            wakeUp.request();
        }
        return false;
    }

    private static void drain(Connection listener) throws SQLException {
        listener.unwrap(PGConnection.class).getNotifications(1);
    }

    private static Connection connect() throws SQLException {
        return RealServices.connect(services);
    }
}
