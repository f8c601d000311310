package io.rectification.reporting.notice;

import io.quarkus.mailer.Mailer;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends the mails that are due over SMTP, one transaction each: the row is locked
 * ({@code FOR UPDATE SKIP LOCKED}, so instances share the work), sent, and marked SENT. A failed
 * send is tried again after a doubling back-off and given up as FAILED after max-attempts. A crash
 * between the server's acceptance and the commit can repeat one mail; nothing else can. In the quiet
 * hours ({@link QuietHoursNow}) only digests are sent; the notices wait in the table for their end.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

    private final Sql sql;
    private final Mailer mailer;
    private final NoticeConfig config;
    private final String from;
    private final QuietHoursNow quiet;

    public MailDelivery(Sql sql, Mailer mailer, NoticeConfig config,
                        @ConfigProperty(name = "quarkus.mailer.from") String from, QuietHoursNow quiet) {
        this.sql = sql;
        this.mailer = mailer;
        this.config = config;
        this.from = from;
        this.quiet = quiet;
    }

    private record Pending(long id, long createdAt, String address, String subject, String body, int attempts) {
    }

    public int sendDue(int limit) {
        int sent = 0;
        while (sent < limit && sendOne()) {
            sent++;
        }
        return sent;
    }

    @Transactional
    boolean sendOne() {
        // In the quiet hours only the digest goes: an immediate notice stays PENDING until they end, and then
        // the mails that waited go in the order they were written (id, within one next_attempt_at).
        String held = quiet.holding() ? "AND kind = 'DIGEST'" : "";
        Pending mail = sql.one("""
                SELECT id, (extract(epoch FROM created_at) * 1000)::bigint, address, subject, body, attempts FROM notice_mail
                WHERE state = 'PENDING' AND next_attempt_at <= now() %s ORDER BY next_attempt_at, id LIMIT 1
                FOR UPDATE SKIP LOCKED""".formatted(held),
                row -> new Pending(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getInt(6)));
        if (mail == null) {
            return false;
        }
        int attempt = mail.attempts() + 1;
        try {
            mailer.send(NoticeMailMessage.of(mail.id(), mail.createdAt(), from, mail.address(), mail.subject(), mail.body()));
            sql.update("UPDATE notice_mail SET state = 'SENT', attempts = ?, sent_at = now(), last_error = NULL WHERE id = ?",
                    attempt, mail.id());
        } catch (RuntimeException e) {
            // the error, never the mail's content, is logged
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempt >= config.mail().maxAttempts()) {
                LOG.warnf("mail %d given up after %d tries: %s", mail.id(), attempt, error);
                sql.update("UPDATE notice_mail SET state = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
                        attempt, error, mail.id());
            } else {
                Duration wait = config.mail().backoff().multipliedBy(1L << Math.min(attempt - 1, 12));
                // said at once, not only when given up: a first try that fails (the server away, a pooled
                // connection it closed meanwhile) is what an operator looks for when a mail came late
                LOG.infof("mail %d: try %d failed, tried again in %d ms: %s", mail.id(), attempt, wait.toMillis(), error);
                sql.update("UPDATE notice_mail SET attempts = ?, last_error = ?, next_attempt_at = clock_timestamp() + CAST(? AS interval)"
                        + " WHERE id = ?", attempt, error, wait.toMillis() + " milliseconds", mail.id());
            }
        }
        return true;
    }
}
