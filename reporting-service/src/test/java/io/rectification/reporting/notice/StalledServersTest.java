package io.rectification.reporting.notice;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.time.InstantText;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that take a notice and then say nothing: each try gives up after its timeout and is recorded in the
 * sending transaction, counted, its error kept and the notice backed off, as any failed try; the notice job's one
 * thread is never held for longer.
 * <ul>
 * <li>A mail server that takes the connection and never answers, not even the greeting (a socket that listens):
 * the mailer's timeout (2 s for this test's mailer, 20 s in service, {@link MailTimeoutsTest}). Before, the send
 * waited as long as the sending transaction lived, the transaction was rolled back, and no try was counted.
 * <li>A webhook endpoint that sends its answer's head and then stalls the body: notices.webhook.timeout (1 s here)
 * bounds the call as a whole. Before, it bounded only the wait for the head, and the body was read for ever.
 * </ul>
 * Each notice is made due before any other test's, so that it is the one the sender here takes.
 */
@QuarkusTest
class StalledServersTest {

    private static final String LONG_AGO = "2000-01-01T00:00:00Z";

    @Inject
    Sql sql;
    @Inject
    NoticeConfig config;
    @Inject
    ReportingConfig reporting;
    @Inject
    Clock clock;
    @Inject
    InstantText instants;
    @Inject
    @MailerName(MailServer.STALLED)
    Mailer stalled;
    @ConfigProperty(name = "quarkus.mailer." + MailServer.STALLED + ".port")
    int port;
    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aSendToAMailServerThatNeverAnswersIsAFailedTryRecordedWithItsBackOff() throws Exception {
        String recipient = "stalled-" + marker;
        MailDelivery delivery = new MailDelivery(sql, stalled, config, from, new QuietHoursNow(QuietHours.OFF, reporting));
        try (ServerSocket silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            String outcome = QuarkusTransaction.requiringNew().call(() -> {
                sql.update("""
                        INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body, state, next_attempt_at, created_at)
                        VALUES (?, ?, ?, 'TASK_OVERDUE', '【任务逾期】挂起的邮件服务器', '正文', 'PENDING', CAST(? AS timestamptz), now())""",
                        "stalled|" + recipient, recipient, recipient + "@test.local", LONG_AGO);
                assertTrue(delivery.sendOne(), "a due notice was taken");
                return sql.one("""
                        SELECT state || '|' || attempts || '|' || (next_attempt_at > now()) || '|' || last_error
                        FROM notice_mail WHERE recipient = ?""", row -> row.getString(1), recipient);
            });
            assertTrue(outcome.startsWith("PENDING|1|true|TimeoutException"), outcome);
        }
        // committed: the try is kept, not rolled back with the transaction
        assertEquals("PENDING|1", sql.one("SELECT state || '|' || attempts FROM notice_mail WHERE recipient = ?",
                row -> row.getString(1), recipient));
        sql.update("DELETE FROM notice_mail WHERE recipient = ?", recipient);
    }

    @Test
    void aCallToAnEndpointThatStallsItsAnswerIsAFailedTryRecordedWithItsBackOff() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.setExecutor(Executors.newCachedThreadPool());
        endpoint.createContext("/stalled", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"ok\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        endpoint.start();
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/stalled";
        NoticeConfig settings = NoticeSettings.with(config, "webhook", Map.of("timeout", Duration.ofSeconds(1)));
        WebhookCalls calls = new WebhookCalls(sql, settings, clock, instants, new QuietHoursNow(QuietHours.OFF, reporting));
        try {
            String outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> QuarkusTransaction.requiringNew().call(() -> {
                sql.update("""
                        INSERT INTO notice_webhook (cause_key, endpoint, body, state, next_attempt_at, created_at)
                        VALUES (?, ?, '{}', 'PENDING', CAST(? AS timestamptz), now())""", "stalled|" + marker, url, LONG_AGO);
                assertTrue(calls.deliverOne(), "a due call was taken");
                return sql.one("""
                        SELECT state || '|' || attempts || '|' || (next_attempt_at > now()) || '|' || coalesce(last_status::text, '-') || '|' || last_error
                        FROM notice_webhook WHERE cause_key = ?""", row -> row.getString(1), "stalled|" + marker);
            }), "waited for the stalled answer");
            assertEquals("PENDING|1|true|-|HttpTimeoutException: no whole answer within 1000 ms", outcome);
        } finally {
            ended.countDown();
            endpoint.stop(0);
            sql.update("DELETE FROM notice_webhook WHERE cause_key = ?", "stalled|" + marker);
        }
    }
}
