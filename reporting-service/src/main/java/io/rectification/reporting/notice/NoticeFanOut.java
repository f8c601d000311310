package io.rectification.reporting.notice;

import io.rectification.platform.contract.EventContract;
import io.rectification.reporting.notice.NoticeTexts.Text;
import io.rectification.reporting.people.People;
import io.rectification.reporting.people.Person;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Turns recorded causes into one mail per person (those the directory names for the cause's role
 * and unit, who have not turned the kind off) and one webhook call. Causes are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share them; the unique keys of the mails
 * and calls make a second fan-out of the same cause (after a crash) add nothing. A cause arising in
 * the quiet hours is fanned out at once all the same, as it is worded then (to whom, with the days as
 * of then); only the sending waits.
 */
@ApplicationScoped
public class NoticeFanOut {

    private static final Logger LOG = Logger.getLogger(NoticeFanOut.class);

    private final Sql sql;
    private final People people;
    private final NoticePreferences preferences;
    private final NoticeTexts texts;
    private final WebhookCalls webhooks;
    private final QuietHoursNow quiet;

    public NoticeFanOut(Sql sql, People people, NoticePreferences preferences, NoticeTexts texts, WebhookCalls webhooks,
                        QuietHoursNow quiet) {
        this.sql = sql;
        this.people = people;
        this.preferences = preferences;
        this.texts = texts;
        this.webhooks = webhooks;
        this.quiet = quiet;
    }

    private record Cause(String key, String kind, String role, String unit, String facts, OffsetDateTime at) {
    }

    /** Fans out up to {@code limit} causes; returns how many. */
    @Transactional
    public int run(int limit) {
        List<Cause> causes = sql.query("""
                SELECT cause_key, kind, audience_role, audience_unit, facts::text, occurred_at FROM notice_cause
                WHERE fanned_out_at IS NULL ORDER BY recorded_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                row -> new Cause(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getObject(6, OffsetDateTime.class)), limit);
        // Written now, whenever sent: in the quiet hours the mails and calls wait for their end (MailDelivery,
        // WebhookCalls) with these words, which then say when they arose if they count days.
        ZonedDateTime heldUntil = causes.isEmpty() ? null : quiet.heldUntil();
        for (Cause cause : causes) {
            NoticeKind kind;
            NoticeFacts facts;
            try {
                kind = NoticeKind.valueOf(cause.kind());
                facts = EventContract.fromJson(cause.facts(), NoticeFacts.class);
            } catch (IllegalArgumentException e) {
                // A cause this build cannot read (its kind or facts recorded by another version) is set aside
                // with a warning: retried, it would stay at the head of the queue and hold every notice behind
                // it. Only reading: a directory that does not answer fails the run, which is tried again.
                LOG.warnf("notice cause %s cannot be read, set aside: %s", cause.key(), e.getMessage());
                sql.update("UPDATE notice_cause SET fanned_out_at = now() WHERE cause_key = ?", cause.key());
                continue;
            }
            Text text = heldUntil == null ? texts.render(kind, facts) : texts.render(kind, facts, heldUntil);
            int mails = 0;
            List<String> roles = NoticeAudience.roles(cause.role());
            for (Person person : people.holding(roles, cause.unit())) {
                if (person.email() == null || person.email().isBlank() || !preferences.of(person.username()).wants(kind)) {
                    continue;
                }
                mails += sql.update("""
                        INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body, state, next_attempt_at,
                                                 created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING', now(), now())
                        ON CONFLICT ON CONSTRAINT notice_mail_once DO NOTHING""",
                        cause.key(), person.username(), person.email(), kind.name(), text.subject(), text.body());
            }
            webhooks.enqueue(cause.key(), kind, roles, cause.unit(), facts, cause.at(), text);
            sql.update("UPDATE notice_cause SET fanned_out_at = now() WHERE cause_key = ?", cause.key());
            LOG.debugf("notice %s: %d mail(s)", kind, mails);
        }
        return causes.size();
    }
}
