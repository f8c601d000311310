package io.rectification.reporting.notice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.rectification.reporting.notice.NoticeTexts.Text;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sends the mails that are due over SMTP, one transaction each: the row is locked
 * ({@code FOR UPDATE SKIP LOCKED}, so instances share the work), sent, and marked SENT. A burst of
 * notices of one kind to one person (a plan's tasks claimed together, the night's notices after the
 * quiet hours) goes as one mail listing them ({@link CombinedNoticeText}): the others due are locked
 * with the first, and all are marked together. A failed
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

    private record Pending(long id, long createdAt, String address, String kind, String subject, String body, int attempts) {
    }

    private static final String COLUMNS =
            "id, (extract(epoch FROM created_at) * 1000)::bigint, address, kind, subject, body, attempts FROM notice_mail";

    private static Pending pending(ResultSet row) throws SQLException {
        return new Pending(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getInt(7));
    }

    /** Sends up to {@code limit} mails (a combined one counts once); returns how many. */
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
        // the mails that waited go in the order they were written (id, within one next_attempt_at), those of one
        // kind to one person as one mail.
        String held = quiet.holding() ? "AND kind = 'DIGEST'" : "";
        Pending first = sql.one("""
                SELECT %s WHERE state = 'PENDING' AND next_attempt_at <= now() %s ORDER BY next_attempt_at, id LIMIT 1
                FOR UPDATE SKIP LOCKED""".formatted(COLUMNS, held), MailDelivery::pending);
        if (first == null) {
            return false;
        }
        List<Pending> mails = withItsBurst(first);
        try {
            mailer.send(message(first, mails));
            sql.update("UPDATE notice_mail SET state = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL"
                    + " WHERE id = ANY(?)", (Object) ids(mails));
        } catch (RuntimeException e) {
            // the error, never the mail's content, is logged
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            failed(mails, error);
        }
        return true;
    }

    /**
     * The mail taken with the other due notices of its kind to its address (a burst, which goes as one mail:
     * {@link CombinedNoticeText}), in the order they were written; the mail alone when there are fewer than
     * notices.mail.combine-from, or it is a digest. Taken as it is ({@code SKIP LOCKED}): a notice another
     * instance is sending meanwhile is not waited for, nor one in its back-off (not due), nor one held by the
     * quiet hours (the mail taken then is a digest).
     */
    private List<Pending> withItsBurst(Pending first) {
        int atMost = config.mail().combineAtMost();
        if ("DIGEST".equals(first.kind()) || atMost < 2) {
            return List.of(first);
        }
        List<Pending> others = sql.query("""
                SELECT %s WHERE state = 'PENDING' AND next_attempt_at <= now() AND address = ? AND kind = ? AND id <> ?
                ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""".formatted(COLUMNS), MailDelivery::pending,
                first.address(), first.kind(), first.id(), atMost - 1);
        if (others.size() + 1 < Math.max(2, config.mail().combineFrom())) {
            return List.of(first); // the others stay PENDING, free again once this transaction ends
        }
        List<Pending> burst = new ArrayList<>(others);
        burst.add(first);
        burst.sort(Comparator.comparingLong(Pending::id));
        return burst;
    }

    private Mail message(Pending first, List<Pending> mails) {
        if (mails.size() == 1) {
            return NoticeMailMessage.of(first.id(), first.createdAt(), from, first.address(), first.subject(), first.body());
        }
        Text text = CombinedNoticeText.of(NoticeKind.valueOf(first.kind()),
                mails.stream().map(mail -> new Text(mail.subject(), mail.body())).toList());
        Pending earliest = mails.get(0);
        return NoticeMailMessage.combined(earliest.id(), mails.get(mails.size() - 1).id(), mails.size(), earliest.createdAt(),
                from, first.address(), text.subject(), text.body());
    }

    /**
     * A failed try counts for each notice the mail was for, which is given up as FAILED at max-attempts as a
     * mail alone would be; those left all wait one back-off (the longest any of them has come to), so that
     * they come due again together and go as one mail again.
     */
    private void failed(List<Pending> mails, String error) {
        int maxAttempts = config.mail().maxAttempts();
        List<Pending> again = new ArrayList<>();
        for (Pending mail : mails) {
            int attempt = mail.attempts() + 1;
            if (attempt >= maxAttempts) {
                LOG.warnf("mail %d given up after %d tries: %s", mail.id(), attempt, error);
                sql.update("UPDATE notice_mail SET state = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
                        attempt, error, mail.id());
            } else {
                again.add(mail);
            }
        }
        if (again.isEmpty()) {
            return;
        }
        int attempt = again.stream().mapToInt(Pending::attempts).max().orElseThrow() + 1;
        Duration wait = config.mail().backoff().multipliedBy(1L << Math.min(attempt - 1, 12));
        // said at once, not only when given up: a first try that fails (the server away, a pooled
        // connection it closed meanwhile) is what an operator looks for when a mail came late
        LOG.infof("%s: try %d failed, tried again in %d ms: %s", named(again), attempt, wait.toMillis(), error);
        // one time for all (statement_timestamp, not clock_timestamp, which is read anew for each row)
        sql.update("UPDATE notice_mail SET attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = statement_timestamp() + CAST(? AS interval) WHERE id = ANY(?)",
                error, wait.toMillis() + " milliseconds", ids(again));
    }

    /** mail 12, or mails 12, 13, 14 (by their ids only: nothing of what they say is logged). */
    private static String named(List<Pending> mails) {
        return (mails.size() == 1 ? "mail " : "mails ")
                + String.join(", ", mails.stream().map(mail -> Long.toString(mail.id())).toList());
    }

    private static Long[] ids(List<Pending> mails) {
        return mails.stream().map(Pending::id).toArray(Long[]::new);
    }
}
