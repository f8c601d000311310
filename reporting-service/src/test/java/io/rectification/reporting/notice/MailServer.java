package io.rectification.reporting.notice;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rectification.platform.testing.FreePort;

import java.util.HashMap;
import java.util.Map;

/**
 * The tests' mail server is a real one: GreenMail, started by {@code deploy/local/stack test-services}
 * on {@code RECT_TEST_SMTP_PORT} / {@code RECT_TEST_IMAP_PORT} (default: the two ports after the test
 * broker's controller, 19094 and 19095). Mail is sent to it over SMTP and read back over IMAP
 * ({@link Mailbox}). Also picks the port of the webhook receiver the webhook test starts
 * ({@link FreePort}: it is bound only when that test runs), and the port of a mail server that never answers.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    public static int smtpPort() {
        return port("RECT_TEST_SMTP_PORT", kafkaPort() + 2);
    }

    public static int imapPort() {
        return port("RECT_TEST_IMAP_PORT", kafkaPort() + 3);
    }

    /** A second mailer, {@code stalled}, to a port where a test listens and never answers ({@code StalledServersTest}). */
    public static final String STALLED = "stalled";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtpPort()),
                "notices.webhook.url", "http://127.0.0.1:" + FreePort.pick() + "/hook",
                "notices.webhook.secret", WEBHOOK_SECRET));
        Map.of("host", "127.0.0.1", "port", Integer.toString(FreePort.pick()), "from", "${quarkus.mailer.from}",
                "start-tls", "DISABLED", "login", "NONE", "mock", "false", "timeout", "2s")
                .forEach((key, value) -> config.put("quarkus.mailer." + STALLED + "." + key, value));
        return config;
    }

    @Override
    public void stop() {
    }

    private static int kafkaPort() {
        String kafka = System.getenv("RECT_TEST_KAFKA");
        if (kafka != null && kafka.contains(":")) {
            return Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1).trim());
        }
        return port("RECT_TEST_KAFKA_PORT", 19092);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
