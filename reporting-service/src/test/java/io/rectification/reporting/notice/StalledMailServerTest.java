package io.rectification.reporting.notice;

import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mail server that takes the connection and then says nothing (a hung relay; here a socket that listens and
 * never answers, not even the greeting): the send gives up after the mailer's timeout (2 s for this test's
 * mailer, 20 s in service, {@link MailTimeoutsTest}) and the try is recorded in the sending transaction, counted,
 * its error kept and the notice backed off, as any failed try. Before, the send waited as long as the transaction
 * lived, the transaction was rolled back, and the notice stayed PENDING with no try counted.
 */
@QuarkusTest
class StalledMailServerTest {

    @Inject
    Sql sql;
    @Inject
    NoticeConfig config;
    @Inject
    ReportingConfig reporting;
    @Inject
    @MailerName(MailServer.STALLED)
    Mailer stalled;
    @ConfigProperty(name = "quarkus.mailer." + MailServer.STALLED + ".port")
    int port;
    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    @Test
    void aSendToAServerThatNeverAnswersIsAFailedTryRecordedWithItsBackOff() throws Exception {
        String recipient = "stalled-" + UUID.randomUUID().toString().substring(0, 8);
        MailDelivery delivery = new MailDelivery(sql, stalled, config, from, new QuietHoursNow(QuietHours.OFF, reporting));
        try (ServerSocket silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            String outcome = QuarkusTransaction.requiringNew().call(() -> {
                // due before any other test's notice, so that it is the one this sender takes
                sql.update("""
                        INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body, state, next_attempt_at, created_at)
                        VALUES (?, ?, ?, 'TASK_OVERDUE', '【任务逾期】挂起的邮件服务器', '正文', 'PENDING', '2000-01-01T00:00:00Z', now())""",
                        "stalled|" + recipient, recipient, recipient + "@test.local");
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
}
