package io.rectification.platform.events;

import io.rectification.platform.testing.RealServices;
import io.rectification.platform.testing.SilentProxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A listener whose connection falls silent (the database vanished without closing it: no reset, no end,
 * nothing more) says it is deaf, so the caches built on what it hears stop serving, and listens again
 * over a new connection. Before the quiet spell's check it went on waiting for notifications that could
 * not come, reporting itself listening, for as long as TCP took to give up.
 */
class ChannelListenerTest {

    private static final String CHANNEL = "channel_listener_test";

    private static Map<String, String> services;

    @BeforeAll
    static void database() {
        services = RealServices.startedOn("platform_test");
    }

    @Test
    void aConnectionFallenSilentIsTakenForLostAndAnotherListens() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        ChannelListener.Receiver receiver = new ChannelListener.Receiver() {
            public void listening() { heard.add("listening"); }
            public void notified(String payload) { heard.add("notified " + payload); }
            public void deaf() { heard.add("deaf"); }
        };
        String jdbcUrl = services.get("quarkus.datasource.jdbc.url");
        try (SilentProxy proxy = SilentProxy.before(jdbcUrl)) {
            ChannelListener listener = new ChannelListener(CHANNEL, "channel-listener-test", proxy.through(jdbcUrl),
                    services.get("quarkus.datasource.username"), Optional.of(services.get("quarkus.datasource.password")),
                    receiver, Duration.ofSeconds(1));
            listener.start();
            try {
                await(() -> heard.contains("listening"), "listening");
                notifyOnChannel("before");
                await(() -> heard.contains("notified before"), "the first notification heard");

                proxy.silenceOpenConnections();
                await(() -> heard.contains("deaf"), "the silent connection taken for lost");
                await(() -> heard.lastIndexOf("listening") > heard.indexOf("deaf"), "listening again");
                assertEquals(2, proxy.accepted(), "over a second connection");

                notifyOnChannel("after");
                await(() -> heard.contains("notified after"), "a notification heard over the new connection");
            } finally {
                listener.stop();
            }
        }
    }

    /** Sent straight to the database, past the proxy, as another instance's commit would be. */
    private static void notifyOnChannel(String payload) throws Exception {
        try (Connection connection = RealServices.connect(services); Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + CHANNEL + ", '" + payload + "'");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(50);
        }
    }
}
